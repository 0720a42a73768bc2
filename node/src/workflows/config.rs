//! A project's verify commands: its `.shim.toml` `[verify]` table, or the defaults detected from its
//! manifest (Cargo, npm, Python, Go). A command is a program and its arguments, never a shell string.

use std::{path::Path, time::Duration};

use serde::Deserialize;

use super::{WorkflowError, WorkflowResult};

/// The project's config file.
pub const CONFIG_FILE: &str = ".shim.toml";
/// How long one command may run when the config names no limit.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);
/// Longest output kept of one command when the config names no cap (bytes, stdout and stderr together).
pub const DEFAULT_OUTPUT_CAP: usize = 4 * 1024 * 1024;
/// Failed verifies of one task before it is failed and its supervisor told.
pub const DEFAULT_MAX_FAILED_VERIFIES: u32 = 3;
/// The longest time limit a config may set: one day.
const MAX_TIMEOUT_SECONDS: u64 = 86_400;
/// The largest output cap a config may set: 64 MiB.
const MAX_OUTPUT_CAP: usize = 64 * 1024 * 1024;

/// The steps of a verify, in the order they run.
pub const STEPS: [&str; 3] = ["check", "test", "format"];

/// One command of a verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// `check`, `test` or `format`.
    pub name: &'static str,
    /// The program and its arguments.
    pub command: Vec<String>,
    /// How long it may run before its process group is asked to stop (and killed 3 s later).
    pub timeout: Duration,
    /// Most bytes of output kept.
    pub output_cap: usize,
}

/// What a verify runs in a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyConfig {
    /// The steps, in order; a project may have fewer than three.
    pub steps: Vec<Step>,
    /// Failed verifies of one task before it is escalated.
    pub max_failed_verifies: u32,
    /// Where the commands came from: `.shim.toml`, or the kind of project detected (`cargo`, ...).
    pub source: String,
}

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    verify: Option<VerifyTable>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyTable {
    check: Option<CommandEntry>,
    test: Option<CommandEntry>,
    format: Option<CommandEntry>,
    timeout_seconds: Option<u64>,
    output_cap_bytes: Option<usize>,
    max_failed_verifies: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum CommandEntry {
    Args(Vec<String>),
    Table {
        command: Vec<String>,
        timeout_seconds: Option<u64>,
        output_cap_bytes: Option<usize>,
    },
}

impl VerifyConfig {
    /// The project's config: `.shim.toml`'s `[verify]` when it has one, the detected defaults otherwise.
    pub fn load(project: &Path) -> WorkflowResult<VerifyConfig> {
        let path = project.join(CONFIG_FILE);
        let table_opt = match std::fs::read_to_string(&path) {
            Ok(text) => Self::parse(&text)?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => {
                return Err(WorkflowError::Config(format!(
                    "cannot read {}: {error}",
                    path.display()
                )));
            }
        };
        match table_opt {
            Some(config) => Ok(config),
            None => detect(project).ok_or_else(|| {
                WorkflowError::Config(format!(
                    "no verify commands for {}: add a [verify] table to its {CONFIG_FILE} (docs/workflows.md), \
                     or run in a Cargo, npm, Python or Go project",
                    project.display()
                ))
            }),
        }
    }

    /// The `[verify]` table of a `.shim.toml`, or None when it has none.
    pub fn parse(text: &str) -> WorkflowResult<Option<VerifyConfig>> {
        let file: File = toml::from_str(text)
            .map_err(|error| WorkflowError::Config(format!("{CONFIG_FILE}: {error}")))?;
        let Some(table) = file.verify else {
            return Ok(None);
        };
        let timeout_seconds = table.timeout_seconds.unwrap_or(DEFAULT_TIMEOUT.as_secs());
        let output_cap = table.output_cap_bytes.unwrap_or(DEFAULT_OUTPUT_CAP);
        let mut steps = Vec::new();
        for (name, entry_opt) in STEPS
            .into_iter()
            .zip([table.check, table.test, table.format])
        {
            let Some(entry) = entry_opt else {
                continue;
            };
            let (command, timeout_opt, cap_opt) = match entry {
                CommandEntry::Args(command) => (command, None, None),
                CommandEntry::Table {
                    command,
                    timeout_seconds,
                    output_cap_bytes,
                } => (command, timeout_seconds, output_cap_bytes),
            };
            if command
                .first()
                .is_none_or(|program| program.trim().is_empty())
            {
                return Err(WorkflowError::Config(format!(
                    "{CONFIG_FILE}: verify.{name} must name a program, as [\"program\", \"arg\", ...]"
                )));
            }
            let timeout = timeout_opt.unwrap_or(timeout_seconds);
            if timeout == 0 || timeout > MAX_TIMEOUT_SECONDS {
                return Err(WorkflowError::Config(format!(
                    "{CONFIG_FILE}: the time limit of verify.{name} must be 1 to {MAX_TIMEOUT_SECONDS} seconds \
                     (got {timeout})"
                )));
            }
            let cap = cap_opt.unwrap_or(output_cap);
            if cap == 0 || cap > MAX_OUTPUT_CAP {
                return Err(WorkflowError::Config(format!(
                    "{CONFIG_FILE}: the output cap of verify.{name} must be 1 to {MAX_OUTPUT_CAP} bytes (got {cap})"
                )));
            }
            steps.push(Step {
                name,
                command,
                timeout: Duration::from_secs(timeout),
                output_cap: cap,
            });
        }
        if steps.is_empty() {
            return Err(WorkflowError::Config(format!(
                "{CONFIG_FILE}: [verify] names no command (check, test or format)"
            )));
        }
        Ok(Some(VerifyConfig {
            steps,
            max_failed_verifies: table
                .max_failed_verifies
                .unwrap_or(DEFAULT_MAX_FAILED_VERIFIES)
                .max(1),
            source: CONFIG_FILE.to_owned(),
        }))
    }

    /// The longest a verify can take: every step at its limit.
    pub fn longest(&self) -> Duration {
        self.steps.iter().map(|step| step.timeout).sum()
    }
}

/// The defaults for the kind of project `project` is, from its manifest.
pub fn detect(project: &Path) -> Option<VerifyConfig> {
    let has = |name: &str| project.join(name).is_file();
    let words = |words: &[&str]| words.iter().map(|word| (*word).to_owned()).collect();
    let (source, commands): (&str, Vec<(&'static str, Vec<String>)>) = if has("Cargo.toml") {
        (
            "cargo",
            vec![
                ("check", words(&["cargo", "check", "--message-format=json"])),
                ("test", words(&["cargo", "test", "--message-format=json"])),
                ("format", words(&["cargo", "fmt", "--check"])),
            ],
        )
    } else if has("go.mod") {
        (
            "go",
            vec![
                ("check", words(&["go", "vet", "./..."])),
                ("test", words(&["go", "test", "-json", "./..."])),
                ("format", words(&["gofmt", "-l", "."])),
            ],
        )
    } else if has("package.json") {
        let mut commands = Vec::new();
        if has("tsconfig.json") {
            commands.push((
                "check",
                words(&[
                    "npx",
                    "--no-install",
                    "tsc",
                    "--noEmit",
                    "--pretty",
                    "false",
                ]),
            ));
        }
        commands.push(("test", words(&["npm", "test", "--silent"])));
        ("npm", commands)
    } else if has("pyproject.toml") || has("setup.py") {
        (
            "python",
            vec![(
                "test",
                words(&[
                    "python3",
                    "-m",
                    "pytest",
                    "-q",
                    "-rf",
                    "--tb=line",
                    "-p",
                    "no:cacheprovider",
                ]),
            )],
        )
    } else {
        return None;
    };
    Some(VerifyConfig {
        steps: commands
            .into_iter()
            .map(|(name, command)| Step {
                name,
                command,
                timeout: DEFAULT_TIMEOUT,
                output_cap: DEFAULT_OUTPUT_CAP,
            })
            .collect(),
        max_failed_verifies: DEFAULT_MAX_FAILED_VERIFIES,
        source: source.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_arrays_with_limits() {
        let config = VerifyConfig::parse(
            r#"
[verify]
check = ["cargo", "check", "--message-format=json"]
test = { command = ["cargo", "test"], timeout_seconds = 900 }
timeout_seconds = 60
output_cap_bytes = 1000
max_failed_verifies = 5
"#,
        )
        .expect("parses")
        .expect("has [verify]");
        assert_eq!(config.steps.len(), 2);
        assert_eq!(config.steps[0].timeout, Duration::from_secs(60));
        assert_eq!(config.steps[1].timeout, Duration::from_secs(900));
        assert_eq!(config.steps[1].output_cap, 1000);
        assert_eq!(config.max_failed_verifies, 5);
        assert_eq!(config.longest(), Duration::from_secs(960));
    }

    #[test]
    fn a_shell_string_or_an_empty_command_is_refused() {
        for bad in [
            "[verify]\ncheck = \"cargo check && rm -rf /\"",
            "[verify]\ncheck = []",
            "[verify]\ncheck = [\"cargo\"]\ntimeout_seconds = 0",
            "[verify]\nshell = [\"sh\"]",
            "[verify]",
        ] {
            assert!(VerifyConfig::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(VerifyConfig::parse("[other]\nx = 1").expect("parses"), None);
    }

    #[test]
    fn defaults_follow_the_manifest() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(detect(dir.path()).is_none());
        std::fs::write(dir.path().join("go.mod"), "module m\n").expect("write");
        let config = detect(dir.path()).expect("go");
        assert_eq!(config.source, "go");
        assert_eq!(config.steps[1].command, ["go", "test", "-json", "./..."]);
        std::fs::write(dir.path().join("Cargo.toml"), "").expect("write");
        assert_eq!(detect(dir.path()).expect("cargo").source, "cargo");
    }
}
