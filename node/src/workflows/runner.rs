//! Runs one verify command: the program itself (no shell), in the project directory, as this user, in a
//! process group of its own that is asked to stop (SIGTERM) when the time limit passes and killed whole 3 s
//! later ([`super::child`]); at most the output cap kept.

use std::{
    path::Path,
    process::Stdio,
    time::{Duration, Instant},
};

use super::{
    child::{Capped, Running},
    config::Step,
};

/// How long the output of a command is still read once it exited or was stopped (a grandchild outside its
/// group may hold the pipes).
const DRAIN_AFTER_EXIT: Duration = Duration::from_secs(2);

/// What one command did.
#[derive(Debug, Clone)]
pub struct Ran {
    /// Its exit code; None when it was stopped or could not start.
    pub exit_code: Option<i32>,
    /// It ran out of time and was stopped.
    pub timed_out: bool,
    /// It could not be started (the program is missing, say): why.
    pub spawn_error: Option<String>,
    /// Its output, stdout then stderr, at most the cap (lossy UTF-8).
    pub output: String,
    /// Output past the cap was dropped, or a pipe was still held open (by a process the command left outside
    /// its group) when reading stopped: the output is not all there was.
    pub truncated: bool,
    /// How long it ran.
    pub duration: Duration,
}

impl Ran {
    /// It ran to the end and exited 0.
    pub fn succeeded(&self) -> bool {
        self.exit_code == Some(0) && !self.timed_out
    }
}

/// Runs `step` in `project`.
pub async fn run(step: &Step, project: &Path) -> Ran {
    let started = Instant::now();
    let mut command = tokio::process::Command::new(&step.command[0]);
    command
        .args(&step.command[1..])
        .current_dir(project)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // A verify whose caller went away (a cancelled tool call) drops `running`, which stops the command's
    // group as its time limit does.
    let mut running = match Running::spawn(&mut command) {
        Ok(running) => running,
        Err(error) => {
            return Ran {
                exit_code: None,
                timed_out: false,
                spawn_error: Some(format!("cannot run {}: {error}", step.command[0])),
                output: String::new(),
                truncated: false,
                duration: started.elapsed(),
            };
        }
    };
    // Each stream may fill the whole cap; they are cut together below.
    let stdout = running
        .stdout()
        .map(|out| Capped::read(out, step.output_cap));
    let stderr = running
        .stderr()
        .map(|errors| Capped::read(errors, step.output_cap));
    let (exit_code, timed_out) = match running.wait_within(step.timeout).await {
        Some(Ok(status)) => (status.code(), false),
        Some(Err(_)) => (None, false),
        None => (None, true),
    };
    // What the command left running in its group (a daemon it forked, say) goes with it.
    running.kill_leftovers();
    let drain = |capped_opt: Option<Capped>| async move {
        match capped_opt {
            Some(capped) => {
                let read = capped.finish(DRAIN_AFTER_EXIT).await;
                // A pipe still held open when reading stopped: what came is not all there was.
                (read.bytes, read.cut || !read.ended)
            }
            None => (Vec::new(), false),
        }
    };
    let (mut output, out_truncated) = drain(stdout).await;
    let (errors, err_truncated) = drain(stderr).await;
    if !output.is_empty() && !output.ends_with(b"\n") {
        output.push(b'\n');
    }
    output.extend_from_slice(&errors);
    let mut truncated = out_truncated || err_truncated;
    if output.len() > step.output_cap {
        output.truncate(step.output_cap);
        truncated = true;
    }
    Ran {
        exit_code,
        timed_out,
        spawn_error: None,
        output: String::from_utf8_lossy(&output).into_owned(),
        truncated,
        duration: started.elapsed(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(command: &[&str], timeout: Duration, output_cap: usize) -> Step {
        Step {
            name: "check",
            command: command.iter().map(|word| (*word).to_owned()).collect(),
            timeout,
            output_cap,
        }
    }

    #[tokio::test]
    async fn a_command_past_its_time_is_killed_with_its_group() {
        let dir = tempfile::tempdir().expect("tempdir");
        // The child's child holds the pipe: killing only the child would leave the read waiting.
        let ran = run(
            &step(
                &["sh", "-c", "sleep 30 & sleep 30"],
                Duration::from_millis(300),
                1000,
            ),
            dir.path(),
        )
        .await;
        assert!(ran.timed_out);
        assert!(ran.duration < Duration::from_secs(10), "{:?}", ran.duration);
        assert!(!ran.succeeded());
    }

    /// Waits (up to 20 s) until process `pid` is gone (or a zombie).
    async fn gone(pid: &str) {
        assert!(
            super::super::child::probe::gone(pid, Duration::from_secs(20)).await,
            "process {} outlived the run",
            pid.trim()
        );
    }

    #[tokio::test]
    async fn what_a_command_past_its_time_started_goes_with_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pid_file = dir.path().join("pid");
        let script = format!("sleep 60 & echo $! > {}; wait", pid_file.display());
        // Time enough for the shell to write the pid on a busy machine.
        let ran = run(
            &step(&["sh", "-c", &script], Duration::from_secs(2), 1000),
            dir.path(),
        )
        .await;
        assert!(ran.timed_out);
        gone(&std::fs::read_to_string(&pid_file).expect("pid written")).await;
    }

    #[tokio::test]
    async fn what_a_command_leaves_running_when_it_exits_is_killed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pid_file = dir.path().join("pid");
        // The daemon does not hold the output pipes, so the run returns once the command exits.
        let script = format!(
            "sleep 60 > /dev/null 2>&1 & echo $! > {}",
            pid_file.display()
        );
        let ran = run(
            &step(&["sh", "-c", &script], Duration::from_secs(30), 1000),
            dir.path(),
        )
        .await;
        assert!(ran.succeeded(), "{ran:?}");
        gone(&std::fs::read_to_string(&pid_file).expect("pid written")).await;
    }

    #[tokio::test]
    async fn output_of_a_pipe_held_past_the_drain_is_marked_incomplete() {
        let dir = tempfile::tempdir().expect("tempdir");
        // `setsid` puts the holder outside the command's group: nothing kills it, and it keeps stdout.
        let ran = run(
            &step(
                &[
                    "sh",
                    "-c",
                    // Exits once the holder is in its own session (`ready` is written after `setsid`).
                    "echo first; setsid sh -c 'echo $$ > holder; echo > ready; exec sleep 30' & \
                     while [ ! -e ready ]; do sleep 0.01; done",
                ],
                Duration::from_secs(30),
                1000,
            ),
            dir.path(),
        )
        .await;
        assert!(ran.succeeded(), "{ran:?}");
        assert!(ran.output.starts_with("first"), "{ran:?}");
        assert!(ran.truncated, "the pipe was still open: {ran:?}");
        // The holder is nobody's to kill but this test's.
        let holder = std::fs::read_to_string(dir.path().join("holder")).expect("holder's pid");
        let _ = nix::sys::signal::kill(
            nix::unistd::Pid::from_raw(holder.trim().parse().expect("a pid")),
            nix::sys::signal::Signal::SIGKILL,
        );
    }

    #[tokio::test]
    async fn a_dropped_run_kills_its_group() {
        let dir = tempfile::tempdir().expect("tempdir");
        let pid_file = dir.path().join("pid");
        let script = format!("sleep 60 & echo $! > {}; wait", pid_file.display());
        let running = step(&["sh", "-c", &script], Duration::from_secs(60), 1000);
        let ran = tokio::time::timeout(Duration::from_millis(500), run(&running, dir.path())).await;
        assert!(ran.is_err(), "still running when dropped");
        gone(&std::fs::read_to_string(&pid_file).expect("pid written")).await;
    }

    #[tokio::test]
    async fn output_is_capped_and_the_program_is_not_a_shell() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ran = run(
            &step(
                &["sh", "-c", "yes | head -c 100000"],
                Duration::from_secs(10),
                100,
            ),
            dir.path(),
        )
        .await;
        assert!(ran.succeeded());
        assert!(ran.truncated);
        assert_eq!(ran.output.len(), 100);
        // A shell string is one program name, which does not exist.
        let ran = run(
            &step(&["echo hi && true"], Duration::from_secs(10), 100),
            dir.path(),
        )
        .await;
        assert!(ran.spawn_error.is_some(), "{ran:?}");
    }
}
