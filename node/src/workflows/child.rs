//! A program the workflows run (git, a verify command) in a process group of its own: its output read in the
//! background up to a cap, and when it outlives its deadline, or its caller gives up on it, its whole group
//! asked to stop (SIGTERM: git removes its lock files, a test runner its temporary files) and killed
//! [`STOP_GRACE`] later.

use std::{
    io,
    process::ExitStatus,
    sync::{Arc, Mutex},
    time::Duration,
};

use tokio::{
    io::{AsyncRead, AsyncReadExt},
    process::{Child, ChildStderr, ChildStdout, Command},
};

/// How long a group asked to stop has before it is killed.
pub const STOP_GRACE: Duration = Duration::from_secs(3);

/// A started program, until it is reaped: dropped before that, its group is stopped as [`Running::stop`]
/// stops it, from a thread that owns it.
pub struct Running {
    child_opt: Option<Child>,
    group_opt: Option<u32>,
}

impl Running {
    /// Starts `command` in a process group of its own.
    pub fn spawn(command: &mut Command) -> io::Result<Running> {
        // Not `kill_on_drop`: that kills the program alone, SIGKILL, leaving what it started and its locks.
        let child = command.process_group(0).spawn()?;
        Ok(Running {
            group_opt: child.id(),
            child_opt: Some(child),
        })
    }

    /// Its standard output, once.
    pub fn stdout(&mut self) -> Option<ChildStdout> {
        self.child_opt.as_mut()?.stdout.take()
    }

    /// Its error output, once.
    pub fn stderr(&mut self) -> Option<ChildStderr> {
        self.child_opt.as_mut()?.stderr.take()
    }

    /// Waits for it to exit, up to `deadline`; past it, stops its group ([`Running::stop`]) and returns
    /// `None`: `None` means it ran out of time, nothing else. Decided by its exit, not by its pipes closing.
    pub async fn wait_within(&mut self, deadline: Duration) -> Option<io::Result<ExitStatus>> {
        let Some(child) = self.child_opt.as_mut() else {
            return Some(Err(io::Error::other("the program was waited for already")));
        };
        match tokio::time::timeout(deadline, child.wait()).await {
            Ok(status) => {
                self.child_opt = None;
                Some(status)
            }
            Err(_) => {
                self.stop().await;
                None
            }
        }
    }

    /// Asks its group to stop, kills the group [`STOP_GRACE`] later if it has not, and reaps it. Given up
    /// during the grace, the drop does the same.
    pub async fn stop(&mut self) {
        if let Some(child) = self.child_opt.as_mut() {
            stop_group(self.group_opt, child).await;
        }
        self.child_opt = None;
    }

    /// Kills what is left of its group (a process it started in the background) once it has exited.
    pub fn kill_leftovers(&self) {
        signal_group(self.group_opt, nix::sys::signal::Signal::SIGKILL);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let Some(mut child) = self.child_opt.take() else {
            return;
        };
        let group_opt = self.group_opt;
        signal_group(group_opt, nix::sys::signal::Signal::SIGTERM);
        // From a thread, not a task: a runtime that is shutting down (the node or the MCP server going
        // away) drops a task it is handed at once, and the group would be left running; the process waits
        // for these threads before it exits ([`finish_stopping`]). The thread holds the program unreaped
        // until the group is gone or killed, so the group's id stays its own.
        let stopping = std::thread::Builder::new()
            .name("shim-stop-group".to_owned())
            .spawn(move || {
                let deadline = std::time::Instant::now() + STOP_GRACE;
                let mut leader_gone = false;
                while std::time::Instant::now() < deadline {
                    leader_gone = leader_gone || matches!(child.try_wait(), Ok(Some(_)) | Err(_));
                    if leader_gone && !group_alive(group_opt) {
                        return;
                    }
                    std::thread::sleep(GROUP_POLL);
                }
                signal_group(group_opt, nix::sys::signal::Signal::SIGKILL);
                drop(child);
            });
        match stopping {
            Ok(thread) => {
                if let Ok(mut threads) = STOPPING.lock() {
                    threads.retain(|thread| !thread.is_finished());
                    threads.push(thread);
                }
            }
            // No thread to wait in: killed at once.
            Err(_) => signal_group(group_opt, nix::sys::signal::Signal::SIGKILL),
        }
    }
}

/// The threads stopping the groups of programs dropped before they were reaped.
static STOPPING: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> =
    std::sync::Mutex::new(Vec::new());

/// Waits for the groups of dropped programs to be stopped (each within [`STOP_GRACE`]): called as the
/// process ends, so that what a verify started is killed even when the process was on its way out.
pub fn finish_stopping() {
    let threads = STOPPING
        .lock()
        .map(|mut threads| std::mem::take(&mut *threads))
        .unwrap_or_default();
    for thread in threads {
        let _ = thread.join();
    }
}

/// How often a group asked to stop is looked at.
const GROUP_POLL: Duration = Duration::from_millis(20);

/// Whether any process of group `group_opt` is left (a zombie not yet reaped counts).
fn group_alive(group_opt: Option<u32>) -> bool {
    group_opt
        .and_then(|group| i32::try_from(group).ok())
        .is_some_and(|group| {
            nix::sys::signal::killpg(nix::unistd::Pid::from_raw(group), None).is_ok()
        })
}

/// Sends `signal` to process group `group_opt`.
fn signal_group(group_opt: Option<u32>, signal: nix::sys::signal::Signal) {
    if let Some(group) = group_opt.and_then(|group| i32::try_from(group).ok()) {
        let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(group), signal);
    }
}

/// SIGTERM to the group, then SIGKILL to what is left of it once the whole group has gone or [`STOP_GRACE`]
/// passed: a test runner started through a wrapper (`cargo test`, `npm test`, `sh -c`) keeps its grace when
/// the wrapper exits at once.
async fn stop_group(group_opt: Option<u32>, child: &mut Child) {
    signal_group(group_opt, nix::sys::signal::Signal::SIGTERM);
    let deadline = tokio::time::Instant::now() + STOP_GRACE;
    // Reaped here (the group's id then stays reserved only while others of the group live).
    let _ = tokio::time::timeout_at(deadline, child.wait()).await;
    while tokio::time::Instant::now() < deadline && group_alive(group_opt) {
        tokio::time::sleep(GROUP_POLL).await;
    }
    if group_alive(group_opt) {
        signal_group(group_opt, nix::sys::signal::Signal::SIGKILL);
    }
}

/// One output pipe read in the background, its first bytes kept and the rest read and dropped, so the
/// program never blocks on a full pipe.
pub struct Capped {
    kept: Arc<Mutex<(Vec<u8>, bool)>>,
    reading: tokio::task::JoinHandle<()>,
}

impl Capped {
    /// Reads `reader` to its end in the background, keeping its first `most` bytes (and whether there was
    /// more).
    pub fn read(mut reader: impl AsyncRead + Unpin + Send + 'static, most: usize) -> Capped {
        let kept = Arc::new(Mutex::new((Vec::new(), false)));
        let writing = kept.clone();
        let reading = tokio::spawn(async move {
            let mut chunk = vec![0u8; 64 * 1024];
            while let Ok(count @ 1..) = reader.read(&mut chunk).await {
                let Ok(mut kept) = writing.lock() else {
                    return;
                };
                let room = most.saturating_sub(kept.0.len());
                kept.0.extend_from_slice(&chunk[..count.min(room)]);
                kept.1 |= count > room;
            }
        });
        Capped { kept, reading }
    }

    /// What was read, once the pipe closed or `grace` passed (a process left running in the background may
    /// hold it open for good; what the program wrote is in it already). The reading stops either way.
    pub async fn finish(mut self, grace: Duration) -> Output {
        let ended = tokio::time::timeout(grace, &mut self.reading).await.is_ok();
        if !ended {
            self.reading.abort();
        }
        let (bytes, cut) = self
            .kept
            .lock()
            .map(|mut kept| std::mem::take(&mut *kept))
            .unwrap_or_default();
        Output { bytes, cut, ended }
    }
}

/// What [`Capped::finish`] read.
#[derive(Debug, Default)]
pub struct Output {
    /// The first bytes, up to the cap.
    pub bytes: Vec<u8>,
    /// There was more than the cap.
    pub cut: bool,
    /// The pipe closed: this is all the program wrote (else it was still held open when reading stopped).
    pub ended: bool,
}

impl Drop for Capped {
    /// A pipe a leftover process holds open is not read for the rest of that process's life.
    fn drop(&mut self) {
        self.reading.abort();
    }
}

/// What the tests of the workflows' processes look for.
#[cfg(test)]
pub(super) mod probe {
    use std::{path::Path, time::Instant};

    use super::Duration;

    /// Waits up to `within` until process `pid` has exited (a zombie not yet reaped counts as exited);
    /// whether it did.
    pub async fn gone(pid: &str, within: Duration) -> bool {
        let stat = format!("/proc/{}/stat", pid.trim());
        let deadline = Instant::now() + within;
        while std::fs::read_to_string(&stat).is_ok_and(|text| !text.contains(") Z ")) {
            if Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        true
    }

    /// Waits (up to 20 s) until `path` holds something; what it holds.
    pub async fn written(path: &Path) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(text) = std::fs::read_to_string(path)
                && !text.is_empty()
            {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "{} never written",
                path.display()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncWriteExt;

    use super::{
        probe::{gone, written},
        *,
    };

    #[tokio::test]
    async fn output_is_taken_after_the_grace_though_the_pipe_stays_open() {
        let (mut writer, reader) = tokio::io::duplex(1024);
        writer.write_all(b"abc").await.expect("written");
        let out = tokio::time::timeout(
            Duration::from_secs(30),
            Capped::read(reader, 1024).finish(Duration::from_millis(100)),
        )
        .await
        .expect("finished although the writer is still there");
        assert_eq!((out.bytes.as_slice(), out.cut), (&b"abc"[..], false));
        assert!(!out.ended, "the pipe is still open");
        drop(writer);
    }

    #[tokio::test]
    async fn output_past_the_cap_is_read_and_dropped() {
        let mut command = Command::new("sh");
        command
            .args(["-c", "yes | head -c 1000000"])
            .stdout(std::process::Stdio::piped());
        let mut running = Running::spawn(&mut command).expect("starts");
        let out = Capped::read(running.stdout().expect("stdout"), 100);
        let status = running
            .wait_within(Duration::from_secs(30))
            .await
            .expect("exits")
            .expect("status");
        assert!(status.success(), "the pipe never filled: {status:?}");
        let out = out.finish(Duration::from_secs(5)).await;
        assert_eq!((out.bytes.len(), out.cut, out.ended), (100, true, true));
    }

    /// A program past its deadline is asked first: a handler of SIGTERM runs (git removes its lock files
    /// there), and what it started goes with it.
    #[tokio::test]
    async fn a_program_past_its_deadline_is_asked_to_stop_before_it_is_killed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let asked = dir.path().join("asked");
        let ready = dir.path().join("ready");
        let script = format!(
            "trap 'echo asked > {}; exit 1' TERM; echo ready > {}; sleep 60 & wait",
            asked.display(),
            ready.display()
        );
        let mut command = Command::new("sh");
        command.args(["-c", &script]);
        let mut running = Running::spawn(&mut command).expect("starts");
        // The handler is in place.
        written(&ready).await;
        let started = std::time::Instant::now();
        assert!(
            running
                .wait_within(Duration::from_millis(10))
                .await
                .is_none()
        );
        assert!(started.elapsed() < STOP_GRACE, "{:?}", started.elapsed());
        assert_eq!(
            std::fs::read_to_string(&asked).expect("the handler ran"),
            "asked\n"
        );
    }

    /// The grace is the group's, not only the program's: a wrapper that exits at once on SIGTERM (as `sh -c`,
    /// `cargo test` or `npm test` do) leaves the runner under it its time to clean up.
    #[tokio::test]
    async fn the_grace_covers_what_the_program_started() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cleaned = dir.path().join("cleaned");
        let ready = dir.path().join("ready");
        let inner = format!(
            "trap 'sleep 1; echo cleaned > {}; exit 1' TERM; echo ready > {}; sleep 60 & wait",
            cleaned.display(),
            ready.display()
        );
        let mut command = Command::new("sh");
        command.args(["-c", &format!("sh -c \"{inner}\" & wait")]);
        let mut running = Running::spawn(&mut command).expect("starts");
        written(&ready).await;
        assert!(
            running
                .wait_within(Duration::from_millis(10))
                .await
                .is_none()
        );
        assert_eq!(written(&cleaned).await, "cleaned\n");
    }

    /// A program given up on by its caller (dropped) is asked first too, and then its group goes.
    #[tokio::test]
    async fn a_dropped_program_is_asked_to_stop_and_its_group_goes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let asked = dir.path().join("asked");
        let pid_file = dir.path().join("pid");
        let script = format!(
            "trap 'echo asked > {}' TERM; sh -c 'trap \"\" TERM; sleep 60' & echo $! > {}; wait; wait",
            asked.display(),
            pid_file.display()
        );
        let mut command = Command::new("sh");
        command.args(["-c", &script]);
        let running = Running::spawn(&mut command).expect("starts");
        let pid = written(&pid_file).await;
        drop(running);
        assert_eq!(written(&asked).await, "asked\n");
        // The one that ignores SIGTERM is killed after the grace.
        assert!(
            gone(&pid, STOP_GRACE + Duration::from_secs(10)).await,
            "the group outlived the grace"
        );
    }
}
