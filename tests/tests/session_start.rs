//! The SessionStart hook when no node runs (after a reboot, or `shim-node stop`): run as Claude Code runs it
//! (`sh -c "<command from .claude/settings.json>"`, the hook JSON on stdin), it starts the node in the
//! background and prints the resume prompt of the session that crashed.

use std::{
    path::Path,
    process::{Command, Stdio},
};

use serde_json::{Value, json};
use shim_tests::{
    DEADLINE, NodeProcess, POLL, free_port, run_hook, wait_for_embedded_node, wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// Where the node lives: passed to every `shim-node` through the environment, as a user's shell would.
struct Sandbox {
    data_dir: tempfile::TempDir,
    url: String,
    node_id: &'static str,
}

impl Sandbox {
    fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("SHIM_NATS_URL", self.url.clone()),
            ("SHIM_NODE_ID", self.node_id.to_owned()),
            ("SHIM_DATA_DIR", self.data_dir.path().display().to_string()),
            ("SHIM_METRICS_ADDR", "off".to_owned()),
            ("SHIM_OTLP_ADDR", "off".to_owned()),
        ]
    }

    fn shim(&self, args: &[&str]) -> std::process::Output {
        Command::new(EXE)
            .args(args)
            .envs(self.env())
            .env_remove("SHIM_LOG")
            .stdin(Stdio::null())
            .output()
            .expect("shim-node runs")
    }

    /// Runs a hook's `command` the way Claude Code does (see [`run_hook`]). Returns (exit code, stdout).
    fn hook(&self, command: &str, input: &Value) -> (i32, String) {
        let run = run_hook(command, &self.env(), input);
        (run.code, run.stdout)
    }

    fn node_pid(&self) -> Option<i32> {
        std::fs::read_to_string(self.data_dir.path().join("shim-node.lock"))
            .ok()?
            .trim()
            .parse()
            .ok()
    }
}

fn event(session_id: &str, name: &str, project: &Path, extra: Value) -> Value {
    let mut value = json!({
        "session_id": session_id,
        "transcript_path": project.join(format!("{session_id}.jsonl")).display().to_string(),
        "cwd": project.display().to_string(),
        "hook_event_name": name,
        "permission_mode": "default"
    });
    if let (Some(target), Some(more)) = (value.as_object_mut(), extra.as_object()) {
        target.extend(more.clone());
    }
    value
}

fn alive(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat.split_whitespace().nth(2) != Some("Z"))
}

#[tokio::test]
async fn session_start_starts_the_node_and_resumes_a_session_that_crashed_before_a_stop() {
    let port = free_port();
    let sandbox = Sandbox {
        data_dir: tempfile::tempdir().expect("temp dir"),
        url: format!("nats://127.0.0.1:{port}"),
        node_id: "session-start-test",
    };
    let project = tempfile::tempdir().expect("temp dir");
    let project_path = std::fs::canonicalize(project.path()).expect("path");
    let project_arg = project_path.display().to_string();

    // Set up as documented, and read back the command Claude Code will run for SessionStart.
    let setup = sandbox.shim(&["setup", "claude-code", "--project", &project_arg]);
    assert!(setup.status.success(), "{setup:?}");
    let settings: Value = serde_json::from_str(
        &std::fs::read_to_string(project_path.join(".claude/settings.json")).expect("settings"),
    )
    .expect("settings are JSON");
    let start_hook = &settings["hooks"]["SessionStart"][0]["hooks"][0];
    let command = start_hook["command"].as_str().expect("a command");
    assert!(
        start_hook["timeout"].as_u64() >= Some(11),
        "SessionStart is given time to start a node: {start_hook}"
    );

    // A node (with its own embedded nats-server) and a session that works, then crashes mid-turn.
    let node = NodeProcess::start(EXE, &sandbox.url, sandbox.node_id, sandbox.data_dir.path());
    let _ = wait_for_embedded_node(
        &sandbox.url,
        sandbox.node_id,
        sandbox.data_dir.path(),
        DEADLINE,
    )
    .await;
    let (code, out) = sandbox.hook(
        command,
        &event(
            "sess-1",
            "SessionStart",
            &project_path,
            json!({"source": "startup"}),
        ),
    );
    assert_eq!((code, out.trim()), (0, ""), "nothing to resume yet");
    for (name, extra) in [
        (
            "UserPromptSubmit",
            json!({"prompt": "port the parser to nom"}),
        ),
        (
            "PostToolUseFailure",
            json!({"tool_name": "Bash", "tool_input": {"command": "cargo test"}, "error": "1 test failed"}),
        ),
        ("Stop", json!({})),
    ] {
        let (code, _) = sandbox.hook(command, &event("sess-1", name, &project_path, extra));
        assert_eq!(code, 0, "{name}");
    }
    // The turn's end made a checkpoint.
    assert!(
        wait_until(
            || async {
                let list = sandbox.shim(&["checkpoints", "list", "--chat-id", "sess-1", "--json"]);
                serde_json::from_slice::<Value>(&list.stdout)
                    .ok()
                    .and_then(|list| list.as_array().map(|list| !list.is_empty()))
                    .unwrap_or(false)
            },
            DEADLINE,
            POLL
        )
        .await,
        "a checkpoint at the end of the turn"
    );

    // The session's `claude` is gone without a SessionEnd; then the node is stopped, NATS with it.
    let stop = sandbox.shim(&["stop"]);
    assert!(stop.status.success(), "{stop:?}");
    drop(node);

    // The next `claude` in the project: its SessionStart hook finds nothing running.
    let (code, prompt) = sandbox.hook(
        command,
        &event(
            "sess-2",
            "SessionStart",
            &project_path,
            json!({"source": "startup"}),
        ),
    );
    assert_eq!(code, 0);
    for needle in [
        "# Resuming an interrupted session",
        "port the parser to nom",
    ] {
        assert!(
            prompt.contains(needle),
            "missing {needle:?} in the SessionStart output:\n{prompt}\nnode log:\n{}",
            std::fs::read_to_string(sandbox.data_dir.path().join("logs/node.log"))
                .unwrap_or_default()
        );
    }

    // The node it started runs on after the hook; stop it.
    let pid = sandbox.node_pid().expect("the started node holds the lock");
    assert!(alive(pid), "the node the hook started is running");
    let stop = sandbox.shim(&["stop"]);
    assert!(stop.status.success(), "{stop:?}");
    assert!(
        wait_until(|| async { !alive(pid) }, DEADLINE, POLL).await,
        "node {pid} stopped"
    );
}

/// Other events never start a node, and give up within their 1.5 s deadline.
#[tokio::test]
async fn other_hooks_start_no_node() {
    let sandbox = Sandbox {
        data_dir: tempfile::tempdir().expect("temp dir"),
        url: format!("nats://127.0.0.1:{}", free_port()),
        node_id: "no-start-test",
    };
    let project = tempfile::tempdir().expect("temp dir");
    let command = format!("{EXE} hook");
    for name in ["UserPromptSubmit", "PostToolUse", "Stop", "SessionEnd"] {
        let started = std::time::Instant::now();
        let (code, out) = sandbox.hook(&command, &event("s", name, project.path(), json!({})));
        assert_eq!((code, out.as_str()), (0, ""), "{name}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(3),
            "{name}"
        );
    }
    assert_eq!(sandbox.node_pid(), None, "no node was started");
}
