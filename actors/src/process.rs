//! Whether a chat's process still runs: read from `/proc` on Linux, by process id, start time and the
//! machine's boot id, so that a process of another machine, or a later one given the same pid, is never taken
//! for it. Elsewhere nothing is known ([`Liveness::Unknown`]) and the registry's heartbeat timeout decides.

use std::sync::OnceLock;

use shim_protocol::messages::ChatProcess;

/// What is known of a chat's process from this machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Liveness {
    /// It runs.
    Alive,
    /// It has exited (or its pid now names a later process, or it is a zombie waiting to be reaped).
    Exited,
    /// Nothing can be told from here: it ran on another machine, before a reboot, or off Linux.
    Unknown,
}

/// Returns this machine's boot id, read once; none off Linux.
pub fn boot_id() -> Option<&'static str> {
    static BOOT_ID: OnceLock<Option<String>> = OnceLock::new();
    BOOT_ID
        .get_or_init(|| {
            std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
                .ok()
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty())
        })
        .as_deref()
}

/// The state and start time (clock ticks after boot) of process `pid`, from `/proc/<pid>/stat`.
fn stat(pid: u32) -> Option<(char, u64)> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so fields count from the last `)`.
    let rest = text.get(text.rfind(')')? + 1..)?;
    let mut fields = rest.split_whitespace();
    let state = fields.next()?.chars().next()?;
    // Field 22 of the line is the 20th after the state (field 3).
    let started = fields.nth(18)?.parse().ok()?;
    Some((state, started))
}

/// Describes process `pid` of this machine: its start time and the boot id, when `/proc` tells them.
pub fn describe(pid: u32) -> ChatProcess {
    ChatProcess {
        pid,
        started: stat(pid).map(|(_, started)| started),
        boot_id: boot_id().map(str::to_owned),
    }
}

/// Describes this process.
pub fn this() -> ChatProcess {
    describe(std::process::id())
}

/// Tells whether `process` still runs, as far as this machine can tell.
pub fn liveness(process: &ChatProcess) -> Liveness {
    let (Some(theirs), Some(ours)) = (process.boot_id.as_deref(), boot_id()) else {
        return Liveness::Unknown;
    };
    if theirs != ours {
        return Liveness::Unknown;
    }
    match stat(process.pid) {
        None => Liveness::Exited,
        Some(('Z' | 'X', _)) => Liveness::Exited,
        Some((_, started)) if process.started.is_some_and(|then| then != started) => {
            Liveness::Exited
        }
        Some(_) => Liveness::Alive,
    }
}

/// Tells whether a chat whose processes are `processes` is gone: at least one of them was seen from here and
/// every one seen has exited. A chat with a process this machine cannot see is never taken for gone (the
/// heartbeat timeout decides), nor one with none recorded.
pub fn all_exited(processes: &[ChatProcess]) -> bool {
    !processes.is_empty()
        && processes
            .iter()
            .all(|process| liveness(process) == Liveness::Exited)
}

/// Tells whether any of `processes` runs on this machine.
pub fn any_alive(processes: &[ChatProcess]) -> bool {
    processes
        .iter()
        .any(|process| liveness(process) == Liveness::Alive)
}

/// Adds `process` to a chat's list: it replaces an entry with the same pid, and the list keeps the newest
/// [`MAX_PROCESSES`].
pub fn remember(processes: &mut Vec<ChatProcess>, process: ChatProcess) {
    processes.retain(|known| known.pid != process.pid || known.boot_id != process.boot_id);
    processes.push(process);
    let surplus = processes.len().saturating_sub(MAX_PROCESSES);
    processes.drain(..surplus);
}

/// Most processes remembered per chat (a hooks' Claude Code process and an MCP server or two).
pub const MAX_PROCESSES: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_is_alive_and_a_reaped_child_has_exited() {
        if boot_id().is_none() {
            // Off Linux nothing is known: the heartbeat timeout decides.
            assert_eq!(liveness(&this()), Liveness::Unknown);
            return;
        }
        assert_eq!(liveness(&this()), Liveness::Alive);
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("sleep runs");
        let described = describe(child.id());
        assert_eq!(liveness(&described), Liveness::Alive);
        assert!(!all_exited(std::slice::from_ref(&described)));
        child.kill().expect("kill -9");
        child.wait().expect("reaped");
        assert_eq!(liveness(&described), Liveness::Exited);
        assert!(all_exited(std::slice::from_ref(&described)));
        // One live process keeps the chat alive.
        assert!(!all_exited(&[described.clone(), this()]));
        assert!(any_alive(&[described, this()]));
    }

    #[test]
    fn a_reused_pid_or_another_machine_is_not_taken_for_the_process() {
        if boot_id().is_none() {
            return;
        }
        let mut reused = this();
        reused.started = reused.started.map(|started| started + 1);
        assert_eq!(liveness(&reused), Liveness::Exited);
        let mut elsewhere = this();
        elsewhere.boot_id = Some("another-machine".to_owned());
        assert_eq!(liveness(&elsewhere), Liveness::Unknown);
        assert!(!all_exited(&[elsewhere.clone()]));
        elsewhere.boot_id = None;
        assert_eq!(liveness(&elsewhere), Liveness::Unknown);
        assert!(!all_exited(&[]));
    }

    #[test]
    fn the_list_keeps_one_entry_per_process_and_the_newest_four() {
        let mut processes = Vec::new();
        for pid in [1, 2, 1, 3, 4, 5] {
            remember(
                &mut processes,
                ChatProcess {
                    pid,
                    started: Some(u64::from(pid)),
                    boot_id: Some("b".to_owned()),
                },
            );
        }
        let pids: Vec<u32> = processes.iter().map(|process| process.pid).collect();
        assert_eq!(pids, vec![1, 3, 4, 5]);
    }
}
