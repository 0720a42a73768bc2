//! Running a hook as Claude Code runs it: its `command` through `sh -c`, the hook JSON on stdin, under a
//! `timeout` process that stands for `claude` (it forks the shell and is gone once the hook is).

use std::{
    io::Write,
    process::{Command, Stdio},
};

use serde_json::Value;

/// Longest a hook may run before `timeout` stops it: the test then fails on its exit code instead of hanging.
const HOOK_TIMEOUT_S: &str = "60";

/// What a hook left behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HookRun {
    /// Its exit code (-1 when a signal ended it).
    pub code: i32,
    /// What it printed on stdout (Claude Code reads it).
    pub stdout: String,
}

/// Runs `command` through `sh -c` with `input` on stdin and `env` added to the environment (`SHIM_LOG`
/// removed, so the hook's own logging stays at its default).
pub fn run_hook(command: &str, env: &[(&str, String)], input: &Value) -> HookRun {
    let mut child = Command::new("timeout")
        .args([HOOK_TIMEOUT_S, "sh", "-c", command])
        .envs(env.iter().map(|(key, value)| (*key, value.as_str())))
        .env_remove("SHIM_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("timeout and sh run");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.to_string().as_bytes())
        .expect("the hook input is written");
    let output = child.wait_with_output().expect("the hook finishes");
    HookRun {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

/// Quotes `word` for `sh` (single quotes; a quote inside is closed, escaped and reopened).
pub fn sh_quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
