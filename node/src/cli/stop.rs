//! `shim-node stop`: stops the node running with this data dir (the one `shim-node mcp` started in the
//! background, say). The node holds `<data_dir>/shim-node.lock` with its pid: SIGTERM that pid, then wait
//! for the lock to be released, which the node does as its last act.

use std::{
    process::ExitCode,
    time::{Duration, Instant},
};

use anyhow::Context;
use nix::{
    errno::Errno,
    sys::signal::{Signal, kill},
    unistd::Pid,
};

use super::exit::NoNodeError;
use crate::{config::Config, data_dir::DataDir};

/// How often the lock is checked while the node stops.
const POLL: Duration = Duration::from_millis(50);

pub(super) async fn run(config: &Config, timeout: Duration) -> anyhow::Result<ExitCode> {
    let data_dir = DataDir::new(&config.data_dir);
    let Some(pid) = data_dir.running_pid()? else {
        return Err(NoNodeError(format!(
            "no shim-node is running with data dir {}",
            data_dir.root().display()
        ))
        .into());
    };
    let raw_pid = i32::try_from(pid).with_context(|| format!("pid {pid} is out of range"))?;
    match kill(Pid::from_raw(raw_pid), Signal::SIGTERM) {
        // Gone already: the lock is about to be free.
        Ok(()) | Err(Errno::ESRCH) => {}
        Err(error) => {
            return Err(error).with_context(|| format!("failed to signal shim-node (pid {pid})"));
        }
    }
    eprintln!("stopping shim-node (pid {pid}) ...");
    let deadline = Instant::now() + timeout;
    while data_dir.running_pid()?.is_some() {
        if Instant::now() >= deadline {
            anyhow::bail!(
                "shim-node (pid {pid}) did not stop within {}s; it may still be finishing (`kill -9 {pid}` \
                 stops it at once)",
                timeout.as_secs()
            );
        }
        tokio::time::sleep(POLL).await;
    }
    outln!(
        "stopped shim-node (pid {pid}, data dir {})",
        data_dir.root().display()
    );
    Ok(ExitCode::SUCCESS)
}
