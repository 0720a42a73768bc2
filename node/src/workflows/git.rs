//! The working tree as git sees it, and committing exactly a tree that was verified.
//!
//! The tree id is what `git add -A` would stage (tracked files and untracked ones not ignored), written with
//! a temporary index so the user's own index is never touched. A commit is `git commit-tree` of that tree
//! with HEAD as parent, then `git update-ref` from the HEAD it was built on (compare-and-set), then the index
//! is refreshed to the new HEAD. Nothing is ever pushed.

use std::{path::Path, process::Stdio};

use super::{WorkflowError, WorkflowResult};

/// The all-zero id `git update-ref` takes as "the ref must not exist yet".
const NO_COMMIT: &str = "0000000000000000000000000000000000000000";

/// Runs git in `dir` with `envs`, returning its trimmed stdout, or its stderr as the error.
async fn git(dir: &Path, args: &[&str], envs: &[(&str, &Path)]) -> WorkflowResult<String> {
    let mut command = tokio::process::Command::new("git");
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .kill_on_drop(true);
    for (name, value) in envs {
        command.env(name, value);
    }
    let output = command
        .output()
        .await
        .map_err(|error| WorkflowError::Git(format!("cannot run git: {error}")))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
    } else {
        Err(WorkflowError::Git(format!(
            "git {} failed: {}",
            args.first().copied().unwrap_or(""),
            String::from_utf8_lossy(&output.stderr).trim()
        )))
    }
}

/// The root of the git work tree `project` is in, or an error saying it is not in one.
pub async fn top_level(project: &Path) -> WorkflowResult<std::path::PathBuf> {
    git(project, &["rev-parse", "--show-toplevel"], &[])
        .await
        .map(std::path::PathBuf::from)
        .map_err(|_| {
            WorkflowError::Git(format!(
                "{} is not in a git repository: commit needs one (git init)",
                project.display()
            ))
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
    let head_opt = git(&top, &["rev-parse", "--verify", "-q", "HEAD^{commit}"], &[])
        .await
        .ok()
        .filter(|head| !head.is_empty());
    let target = git(&top, &["symbolic-ref", "-q", "HEAD"], &[])
        .await
        .unwrap_or_else(|_| "HEAD".to_owned());
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
    .map_err(|error| {
        WorkflowError::Git(format!(
            "HEAD moved while committing, nothing committed ({error})"
        ))
    })?;
    // The index now matches the new HEAD, which is the working tree.
    git(&top, &["reset", "-q"], &[]).await?;
    Ok(commit)
}

/// The tree of HEAD, None before the first commit.
pub async fn head_tree(project: &Path) -> WorkflowResult<Option<String>> {
    let top = top_level(project).await?;
    Ok(
        git(&top, &["rev-parse", "--verify", "-q", "HEAD^{tree}"], &[])
            .await
            .ok()
            .filter(|tree| !tree.is_empty()),
    )
}

/// Lines added plus lines removed from tree `from` to tree `to` (binary files count nothing).
pub async fn changed_lines(project: &Path, from: &str, to: &str) -> WorkflowResult<u64> {
    let top = top_level(project).await?;
    let numstat = git(&top, &["diff-tree", "-r", "--numstat", from, to], &[]).await?;
    Ok(numstat
        .lines()
        .map(|line| {
            let mut counts = line.split('\t');
            let mut count = || {
                counts
                    .next()
                    .and_then(|count| count.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            count() + count()
        })
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
