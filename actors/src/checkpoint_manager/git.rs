//! The file state of a project as git sees it: branch, HEAD, staged, modified and untracked files, and the
//! uncommitted diff. Blocking (it runs git); call it from `spawn_blocking`.

use std::{path::Path, process::Command};

use shim_protocol::messages::FileState;

use super::limits::{ACTIVE_FILES, DIFF_BYTES, GIT_FILES, ITEM_CHARS, cut_bytes, keep_first};

fn git(project_dir: &Path, args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(project_dir)
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Returns the git state of `project_dir`, with `active` (the files the model names) kept as given. Outside
/// a git repository, or without git, only `active` is filled in.
pub fn file_state(project_dir: &Path, active: &[String]) -> FileState {
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
    state.head =
        git(project_dir, &["rev-parse", "--short", "HEAD"]).map(|head| head.trim().to_owned());
    let diff = if state.head.is_some() {
        git(
            project_dir,
            &["diff", "HEAD", "--no-color", "--no-ext-diff"],
        )
        .unwrap_or_default()
    } else {
        git(
            project_dir,
            &["diff", "--cached", "--no-color", "--no-ext-diff"],
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
}
