//! Facts about the Claude Code process SHIM runs under. Hooks, the status line and the MCP server of one
//! Claude Code session are all started by the same `claude` process (hooks and the status line through a
//! shell), so its process id ties them to one chat.

use std::path::Path;

const SHELLS: [&str; 6] = ["sh", "bash", "zsh", "dash", "fish", "ksh"];

/// Returns `(parent pid, command name)` of a process, read from `/proc`.
fn parent_of(proc_root: &Path, pid: u32) -> Option<(u32, String)> {
    let stat = std::fs::read_to_string(proc_root.join(pid.to_string()).join("stat")).ok()?;
    // Format: `pid (comm) state ppid ...`; comm may itself contain spaces and parentheses.
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let comm = stat.get(open + 1..close)?.to_owned();
    let ppid = stat
        .get(close + 2..)?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some((ppid, comm))
}

fn command_name(proc_root: &Path, pid: u32) -> Option<String> {
    let comm = std::fs::read_to_string(proc_root.join(pid.to_string()).join("comm")).ok()?;
    Some(comm.trim().to_owned())
}

/// Returns the process that started this one, skipping shells: the `claude` process for a hook, a status
/// line or an MCP server of Claude Code. `None` off Linux or when /proc is unreadable.
pub fn session_pid() -> Option<u32> {
    session_pid_from(Path::new("/proc"), std::process::id())
}

/// [`session_pid`] for a given `/proc` root and starting process, for tests.
pub fn session_pid_from(proc_root: &Path, start: u32) -> Option<u32> {
    let (mut pid, _) = parent_of(proc_root, start)?;
    for _ in 0..8 {
        let name = command_name(proc_root, pid)?;
        if !SHELLS.contains(&name.as_str()) {
            return Some(pid);
        }
        let (parent, _) = parent_of(proc_root, pid)?;
        if parent <= 1 {
            return Some(pid);
        }
        pid = parent;
    }
    Some(pid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_process(root: &Path, pid: u32, ppid: u32, comm: &str) {
        let dir = root.join(pid.to_string());
        std::fs::create_dir_all(&dir).expect("dir");
        std::fs::write(
            dir.join("stat"),
            format!("{pid} ({comm}) S {ppid} 1 1 0 -1"),
        )
        .expect("stat");
        std::fs::write(dir.join("comm"), format!("{comm}\n")).expect("comm");
    }

    #[test]
    fn shells_between_claude_and_the_hook_are_skipped() {
        let root = tempfile::tempdir().expect("temp dir");
        fake_process(root.path(), 100, 1, "claude");
        fake_process(root.path(), 200, 100, "bash");
        fake_process(root.path(), 300, 200, "sh");
        fake_process(root.path(), 400, 300, "shim-node");
        assert_eq!(session_pid_from(root.path(), 400), Some(100));
        // Started directly (an MCP server): the parent itself.
        fake_process(root.path(), 500, 100, "shim-node");
        assert_eq!(session_pid_from(root.path(), 500), Some(100));
        // A name with spaces and parentheses parses.
        fake_process(root.path(), 600, 100, "odd (name) x");
        assert_eq!(parent_of(root.path(), 600).map(|(ppid, _)| ppid), Some(100));
        assert_eq!(session_pid_from(root.path(), 999), None);
    }

    #[test]
    fn the_real_proc_gives_this_tests_parent() {
        if Path::new("/proc/self/stat").exists() {
            assert!(session_pid().is_some());
        }
    }
}
