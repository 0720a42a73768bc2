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
/// stops it, from a task that owns it (so that its group id stays its own until the kill).
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
    /// `None`. Decided by its exit, not by its pipes closing.
    pub async fn wait_within(&mut self, deadline: Duration) -> Option<io::Result<ExitStatus>> {
        let child = self.child_opt.as_mut()?;
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
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move { stop_group(group_opt, &mut child).await });
            }
            // No runtime to wait in (the node is going away): killed at once.
            Err(_) => signal_group(group_opt, nix::sys::signal::Signal::SIGKILL),
        }
    }
}

/// Sends `signal` to process group `group_opt`.
fn signal_group(group_opt: Option<u32>, signal: nix::sys::signal::Signal) {
    if let Some(group) = group_opt.and_then(|group| i32::try_from(group).ok()) {
        let _ = nix::sys::signal::killpg(nix::unistd::Pid::from_raw(group), signal);
    }
}

/// SIGTERM to the group, then SIGKILL to it once `child` exited or [`STOP_GRACE`] passed: what the program
/// started may outlive it.
async fn stop_group(group_opt: Option<u32>, child: &mut Child) {
    signal_group(group_opt, nix::sys::signal::Signal::SIGTERM);
    let _ = tokio::time::timeout(STOP_GRACE, child.wait()).await;
    signal_group(group_opt, nix::sys::signal::Signal::SIGKILL);
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
    pub async fn finish(mut self, grace: Duration) -> (Vec<u8>, bool) {
        if tokio::time::timeout(grace, &mut self.reading)
            .await
            .is_err()
        {
            self.reading.abort();
        }
        self.kept
            .lock()
            .map(|mut kept| std::mem::take(&mut *kept))
            .unwrap_or_default()
    }
}

impl Drop for Capped {
    /// A pipe a leftover process holds open is not read for the rest of that process's life.
    fn drop(&mut self) {
        self.reading.abort();
    }
}

#[cfg(test)]
mod tests {
    use tokio::io::AsyncWriteExt;

    use super::*;

    #[tokio::test]
    async fn output_is_taken_after_the_grace_though_the_pipe_stays_open() {
        let (mut writer, reader) = tokio::io::duplex(1024);
        writer.write_all(b"abc").await.expect("written");
        let (out, cut) = tokio::time::timeout(
            Duration::from_secs(30),
            Capped::read(reader, 1024).finish(Duration::from_millis(100)),
        )
        .await
        .expect("finished although the writer is still there");
        assert_eq!((out.as_slice(), cut), (&b"abc"[..], false));
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
        let (kept, cut) = out.finish(Duration::from_secs(5)).await;
        assert_eq!((kept.len(), cut), (100, true));
    }

    /// A program past its deadline is asked first: a handler of SIGTERM runs (git removes its lock files
    /// there), and what it started goes with it.
    #[tokio::test]
    async fn a_program_past_its_deadline_is_asked_to_stop_before_it_is_killed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let asked = dir.path().join("asked");
        let script = format!(
            "trap 'echo asked > {}; exit 1' TERM; sleep 60 & wait",
            asked.display()
        );
        let mut command = Command::new("sh");
        command.args(["-c", &script]);
        let mut running = Running::spawn(&mut command).expect("starts");
        let started = std::time::Instant::now();
        assert!(
            running
                .wait_within(Duration::from_millis(300))
                .await
                .is_none()
        );
        assert!(started.elapsed() < STOP_GRACE, "{:?}", started.elapsed());
        assert_eq!(
            std::fs::read_to_string(&asked).expect("the handler ran"),
            "asked\n"
        );
    }
}
