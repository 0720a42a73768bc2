//! The file state of a project as git sees it: branch, HEAD, staged, modified and untracked files, and the
//! uncommitted diff. Blocking (it runs git); call it from `spawn_blocking`.

use std::{
    io::Read,
    os::{fd::AsFd, unix::process::CommandExt},
    path::Path,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use nix::{
    errno::Errno,
    poll::{PollFd, PollFlags, PollTimeout},
    sys::signal::Signal,
    unistd::Pid,
};
use shim_protocol::messages::FileState;
use wait_timeout::ChildExt;

use super::limits::{ACTIVE_FILES, DIFF_BYTES, GIT_FILES, ITEM_CHARS, cut_bytes, keep_first};

/// How long the git calls of one checkpoint may take together: a repository on a stalled network file system,
/// or an fsmonitor hook that hangs, would otherwise hold the checkpoint (and every later one of the chat)
/// for good. Past it the checkpoint is saved without git's state.
pub const GIT_DEADLINE: Duration = Duration::from_secs(10);
/// Most of one git call's output read: the lists keep their first [`GIT_FILES`] entries and the diff its
/// first [`DIFF_BYTES`], so a repository with a million untracked files costs no more than this.
const GIT_OUTPUT: usize = 1024 * 1024;
/// How long a killed git is waited for. One stuck in the kernel (a hard network mount) may not die at once: it
/// is left behind rather than waited for.
const KILL_GRACE: Duration = Duration::from_secs(1);

/// Kills `child` and whatever it started (its own process group), waiting for it a moment.
fn kill(child: &mut Child) {
    if let Ok(pid) = i32::try_from(child.id()) {
        let _ = nix::sys::signal::killpg(Pid::from_raw(pid), Signal::SIGKILL);
    }
    let _ = child.wait_timeout(KILL_GRACE);
}

/// Runs git in `project_dir` until `deadline`; its output (at most [`GIT_OUTPUT`], cut at a line) when it
/// succeeded or was cut. Read in this thread, waiting no longer than the deadline for each part; git and
/// whatever it started (hooks) are killed at the deadline.
fn git(project_dir: &Path, args: &[&str], deadline: Instant) -> Option<String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(project_dir)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .ok()?;
    let Some(mut stdout) = child.stdout.take() else {
        kill(&mut child);
        return None;
    };
    let mut read = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    let mut ended = false;
    while read.len() < GIT_OUTPUT {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let mut ready = [PollFd::new(stdout.as_fd(), PollFlags::POLLIN)];
        match nix::poll::poll(
            &mut ready,
            PollTimeout::try_from(left).unwrap_or(PollTimeout::MAX),
        ) {
            Ok(0) => break,
            Ok(_) | Err(Errno::EINTR) => {}
            Err(_) => break,
        }
        // Readable, or closed: either way the read does not wait.
        match stdout.read(&mut chunk) {
            Ok(0) => {
                ended = true;
                break;
            }
            Ok(count) => read.extend_from_slice(&chunk[..count]),
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    drop(stdout);
    let succeeded = if ended {
        match child.wait_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(Some(status)) => status.success(),
            Ok(None) | Err(_) => {
                kill(&mut child);
                false
            }
        }
    } else if read.len() >= GIT_OUTPUT {
        // The rest is not wanted: the first part, to its last whole line, is.
        kill(&mut child);
        let whole = read
            .iter()
            .rposition(|byte| *byte == b'\n')
            .map_or(0, |at| at + 1);
        read.truncate(whole);
        true
    } else {
        kill(&mut child);
        false
    };
    succeeded.then(|| String::from_utf8_lossy(&read).into_owned())
}

/// Returns the git state of `project_dir`, with `active` (the files the model names) kept as given. Outside
/// a git repository, or without git, only `active` is filled in.
pub fn file_state(project_dir: &Path, active: &[String]) -> FileState {
    file_state_within(project_dir, active, GIT_DEADLINE)
}

/// [`file_state`], with git given `within` for all its calls.
pub fn file_state_within(project_dir: &Path, active: &[String], within: Duration) -> FileState {
    let deadline = Instant::now() + within;
    let mut state = FileState {
        active: keep_first(active, ACTIVE_FILES, ITEM_CHARS),
        ..FileState::default()
    };
    let Some(status) = git(
        project_dir,
        &[
            "status",
            "--porcelain=v1",
            "--branch",
            "--untracked-files=normal",
        ],
        deadline,
    ) else {
        return state;
    };
    for line in status.lines() {
        if let Some(branch) = line.strip_prefix("## ") {
            let name = branch.split("...").next().unwrap_or(branch);
            let name = name.strip_prefix("No commits yet on ").unwrap_or(name);
            state.branch = Some(name.to_owned());
            continue;
        }
        let (Some(codes), Some(path)) = (line.get(..2), line.get(3..)) else {
            continue;
        };
        let path = path.rsplit(" -> ").next().unwrap_or(path).to_owned();
        let mut chars = codes.chars();
        let (index, worktree) = (chars.next().unwrap_or(' '), chars.next().unwrap_or(' '));
        if codes == "??" {
            state.untracked.push(path);
            continue;
        }
        if index != ' ' {
            state.staged.push(path.clone());
        }
        if worktree != ' ' {
            state.modified.push(path);
        }
    }
    for files in [&mut state.staged, &mut state.modified, &mut state.untracked] {
        *files = keep_first(files, GIT_FILES, ITEM_CHARS);
    }
    state.head = git(project_dir, &["rev-parse", "--short", "HEAD"], deadline)
        .map(|head| head.trim().to_owned());
    let diff = if state.head.is_some() {
        git(
            project_dir,
            &["diff", "HEAD", "--no-color", "--no-ext-diff"],
            deadline,
        )
        .unwrap_or_default()
    } else {
        git(
            project_dir,
            &["diff", "--cached", "--no-color", "--no-ext-diff"],
            deadline,
        )
        .unwrap_or_default()
    };
    state.diff = cut_bytes(&diff, DIFF_BYTES);
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(dir: &Path, args: &[&str]) {
        let status = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(
            status.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    }

    #[test]
    fn staged_modified_untracked_and_the_diff_are_seen() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        run(root, &["init", "-q", "-b", "main"]);
        std::fs::write(root.join("lib.rs"), "fn a() {}\n").expect("write");
        std::fs::write(root.join("main.rs"), "fn main() {}\n").expect("write");
        run(root, &["add", "."]);
        run(root, &["commit", "-q", "-m", "init"]);
        std::fs::write(root.join("lib.rs"), "fn a() { changed() }\n").expect("write");
        std::fs::write(root.join("main.rs"), "fn main() { staged() }\n").expect("write");
        run(root, &["add", "main.rs"]);
        std::fs::write(root.join("notes.md"), "new\n").expect("write");

        let state = file_state(root, &["lib.rs".to_owned()]);
        assert_eq!(state.branch.as_deref(), Some("main"));
        assert!(state.head.as_deref().is_some_and(|head| head.len() >= 7));
        assert_eq!(state.modified, ["lib.rs"]);
        assert_eq!(state.staged, ["main.rs"]);
        assert_eq!(state.untracked, ["notes.md"]);
        assert_eq!(state.active, ["lib.rs"]);
        assert!(
            state.diff.contains("+fn a() { changed() }"),
            "{}",
            state.diff
        );
        assert!(
            state.diff.contains("+fn main() { staged() }"),
            "{}",
            state.diff
        );
    }

    #[test]
    fn a_huge_diff_is_cut_to_ten_kilobytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        run(root, &["init", "-q", "-b", "main"]);
        std::fs::write(root.join("big.txt"), "a\n").expect("write");
        run(root, &["add", "."]);
        run(root, &["commit", "-q", "-m", "init"]);
        std::fs::write(root.join("big.txt"), "line of text\n".repeat(5_000)).expect("write");
        let state = file_state(root, &[]);
        assert!(state.diff.len() <= DIFF_BYTES);
        assert!(state.diff.contains("…[cut "), "marker present");
    }

    #[test]
    fn long_lists_of_changed_files_are_cut() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        run(root, &["init", "-q", "-b", "main"]);
        for index in 0..GIT_FILES + 50 {
            std::fs::write(root.join(format!("new-{index:03}.txt")), "x\n").expect("write");
        }
        let state = file_state(root, &[]);
        assert_eq!(state.untracked.len(), GIT_FILES);
        assert_eq!(state.untracked[0], "new-000.txt");
        assert_eq!(
            state.untracked.last().map(String::as_str),
            Some("…[51 more items cut]")
        );
    }

    #[test]
    fn outside_a_repository_only_active_files_are_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = file_state(dir.path(), &["x.rs".to_owned()]);
        assert_eq!(state.active, ["x.rs"]);
        assert!(state.branch.is_none() && state.diff.is_empty() && state.modified.is_empty());
    }

    #[test]
    fn a_git_that_hangs_is_given_up_at_the_deadline() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        run(root, &["init", "-q", "-b", "main"]);
        std::fs::write(root.join("lib.rs"), "fn a() {}\n").expect("write");
        run(root, &["add", "."]);
        run(root, &["commit", "-q", "-m", "init"]);
        // An fsmonitor hook that never answers, as a stuck file watcher would: every `git status` waits on it.
        let hook = root.join(".git").join("stuck-fsmonitor");
        std::fs::write(&hook, "#!/bin/sh\nexec sleep 600\n").expect("write");
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        run(
            root,
            &[
                "config",
                "core.fsmonitor",
                hook.to_str().expect("a UTF-8 path"),
            ],
        );

        let (sender, returned) = std::sync::mpsc::channel();
        let project = root.to_path_buf();
        std::thread::spawn(move || {
            let _ = sender.send(file_state_within(
                &project,
                &["lib.rs".to_owned()],
                Duration::from_secs(1),
            ));
        });
        let state = returned
            .recv_timeout(Duration::from_secs(60))
            .expect("the checkpoint's git state came back although git hung");
        // Saved without git's state, with what the model named.
        assert_eq!(state.branch, None);
        assert_eq!(state.active, ["lib.rs"]);
    }
}
