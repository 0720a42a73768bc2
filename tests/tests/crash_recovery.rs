//! Crash prevention end to end, with every part a real process: nats-server, `shim-node run`, and
//! `shim-node hook` / `statusline` started the way Claude Code starts them, JSON on stdin.

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::Duration,
};

use serde_json::{Value, json};
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{CheckpointInput, CheckpointSaved, RiskReport, RiskRequest, SaveCheckpointRequest},
};
use shim_tests::{
    DEADLINE, NatsServer, NodeProcess, POLL, free_port, run_hook, sh_quote, wait_for_node,
    wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// The data dir of each node the tests started, by NATS URL and node id: hooks run with it, as they run with the
/// node's own beside a real Claude Code.
static DATA_DIRS: std::sync::LazyLock<
    std::sync::Mutex<std::collections::HashMap<(String, String), PathBuf>>,
> = std::sync::LazyLock::new(Default::default);

fn start_node(nats_url: &str, node_id: &str, data_dir: &Path) -> NodeProcess {
    if let Ok(mut dirs) = DATA_DIRS.lock() {
        dirs.insert(
            (nats_url.to_owned(), node_id.to_owned()),
            data_dir.to_path_buf(),
        );
    }
    NodeProcess::start(EXE, nats_url, node_id, data_dir)
}

async fn node_client(nats_url: &str, node_id: &str) -> NodeClient {
    wait_for_node(nats_url, node_id, Duration::from_secs(5)).await
}

/// Runs `shim-node hook` the way Claude Code does (see [`run_hook`]). Returns (exit code, stdout).
fn hook(nats_url: &str, node_id: &str, input: &Value) -> (i32, String) {
    run_stdin("hook", nats_url, node_id, input)
}

fn statusline(nats_url: &str, node_id: &str, input: &Value) -> (i32, String) {
    run_stdin("statusline", nats_url, node_id, input)
}

fn run_stdin(subcommand: &str, nats_url: &str, node_id: &str, input: &Value) -> (i32, String) {
    let data_dir_opt = DATA_DIRS.lock().ok().and_then(|dirs| {
        dirs.get(&(nats_url.to_owned(), node_id.to_owned()))
            .cloned()
    });
    let mut command = format!(
        "{} {subcommand} --nats-url {} --node-id {}",
        sh_quote(EXE),
        sh_quote(nats_url),
        sh_quote(node_id)
    );
    if let Some(data_dir) = data_dir_opt {
        command.push_str(&format!(
            " --data-dir {}",
            sh_quote(&data_dir.display().to_string())
        ));
    }
    let run = run_hook(&command, &[], input);
    (run.code, run.stdout)
}

/// Runs `command`, which must succeed, and returns its stdout.
fn succeeds(command: &mut Command) -> String {
    let output = command.output().expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn git_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git");
        assert!(status.status.success());
    };
    git(&["init", "-q", "-b", "main"]);
    std::fs::write(dir.path().join("parser.rs"), "fn parse() {}\n").expect("write");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "init"]);
    dir
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

#[tokio::test]
async fn a_killed_session_is_resumed_from_its_last_checkpoint_exactly_once() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = git_project();
    let project_path = std::fs::canonicalize(project.path()).expect("path");
    let url = nats.url();
    let mut node = start_node(&url, "crash-test", data_dir.path());
    let client = node_client(&url, "crash-test").await;

    // A Claude Code session works: start, a prompt, tool calls, one of them failing.
    let (code, out) = hook(
        &url,
        "crash-test",
        &event(
            "sess-1",
            "SessionStart",
            &project_path,
            json!({"source": "startup"}),
        ),
    );
    assert_eq!((code, out.trim()), (0, ""), "nothing to resume yet");
    for (name, extra) in [
        ("UserPromptSubmit", json!({"prompt": "port the parser"})),
        (
            "PostToolUse",
            json!({"tool_name": "Read", "tool_input": {"file_path": "parser.rs"}, "tool_response": {"ok": true}}),
        ),
        (
            "PostToolUseFailure",
            json!({"tool_name": "Bash", "tool_input": {"command": "cargo test"}, "error": "1 test failed"}),
        ),
    ] {
        assert_eq!(
            hook(
                &url,
                "crash-test",
                &event("sess-1", name, &project_path, extra)
            )
            .0,
            0
        );
    }
    std::fs::write(project_path.join("parser.rs"), "fn parse() { recover() }\n").expect("edit");
    let saved: CheckpointSaved = shim_tests::own(&client, data_dir.path(), "sess-1")
        .request(
            NodeOp::CheckpointSave,
            &SaveCheckpointRequest {
                chat_id: "sess-1".to_owned(),
                input: CheckpointInput {
                    summary: "Porting the parser to nom; error recovery half done".to_owned(),
                    current_task: Some("port parser".to_owned()),
                    progress: Some(0.5),
                    decisions: vec!["keep the AST".to_owned()],
                    next_steps: vec!["recover from a missing semicolon".to_owned()],
                    blockers: vec!["flaky test t_17".to_owned()],
                    ..CheckpointInput::default()
                },
            },
        )
        .await
        .expect("checkpoint saved");
    assert_eq!(saved.seq, 1);

    // The risk saw the hooks: one prompt, two tool calls, one failure.
    let risk: RiskReport = shim_tests::own(&client, data_dir.path(), "sess-1")
        .request(
            NodeOp::Risk,
            &RiskRequest {
                chat_id: "sess-1".to_owned(),
            },
        )
        .await
        .expect("risk");
    assert_eq!(
        (
            risk.signals.message_count,
            risk.signals.tool_calls,
            risk.signals.tool_failures
        ),
        (1, 2, 1)
    );

    // The checkpoint save flushed the store, activity records included: kill -9 loses nothing.
    node.kill_9();

    // The node comes back; a new session starts in the same project.
    let _node = start_node(&url, "crash-test", data_dir.path());
    let _ = node_client(&url, "crash-test").await;
    let (code, prompt) = hook(
        &url,
        "crash-test",
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
        "likely crash",
        "Porting the parser to nom; error recovery half done",
        "1. recover from a missing semicolon",
        "- keep the AST",
        "- flaky test t_17",
        "parser.rs",
        "+fn parse() { recover() }",
    ] {
        assert!(
            prompt.contains(needle),
            "missing {needle:?} in the resume prompt:\n{prompt}"
        );
    }

    // Restored once: a third session is not offered it again.
    let (code, again) = hook(
        &url,
        "crash-test",
        &event(
            "sess-3",
            "SessionStart",
            &project_path,
            json!({"source": "startup"}),
        ),
    );
    assert_eq!((code, again.trim()), (0, ""));
}

#[tokio::test]
async fn a_cleanly_ended_session_is_not_offered() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = git_project();
    let project_path: PathBuf = std::fs::canonicalize(project.path()).expect("path");
    let url = nats.url();
    let _node = start_node(&url, "clean-test", data_dir.path());
    let client = node_client(&url, "clean-test").await;
    hook(
        &url,
        "clean-test",
        &event(
            "tidy",
            "SessionStart",
            &project_path,
            json!({"source": "startup"}),
        ),
    );
    let _: CheckpointSaved = shim_tests::own(&client, data_dir.path(), "tidy")
        .request(
            NodeOp::CheckpointSave,
            &SaveCheckpointRequest {
                chat_id: "tidy".to_owned(),
                input: CheckpointInput {
                    summary: "done".to_owned(),
                    ..CheckpointInput::default()
                },
            },
        )
        .await
        .expect("saved");
    assert_eq!(
        hook(
            &url,
            "clean-test",
            &event(
                "tidy",
                "SessionEnd",
                &project_path,
                json!({"reason": "exit"})
            )
        )
        .0,
        0
    );
    let (code, out) = hook(
        &url,
        "clean-test",
        &event(
            "next",
            "SessionStart",
            &project_path,
            json!({"source": "startup"}),
        ),
    );
    assert_eq!((code, out.trim()), (0, ""), "a clean end is not resumed");
}

#[tokio::test]
async fn hooks_and_the_status_line_never_fail_without_a_node() {
    let url = format!("nats://127.0.0.1:{}", free_port());
    let project = tempfile::tempdir().expect("temp dir");
    // SessionStart starts a node when none answers (tests/tests/session_start.rs); the rest never do.
    for name in ["PostToolUse", "Stop", "SessionEnd"] {
        let (code, out) = hook(&url, "nobody", &event("s", name, project.path(), json!({})));
        assert_eq!((code, out.as_str()), (0, ""), "{name}");
    }
    let (code, out) = hook(&url, "nobody", &json!("not an object"));
    assert_eq!((code, out.as_str()), (0, ""));
    let (code, line) = statusline(
        &url,
        "nobody",
        &json!({"session_id": "s", "context_window": {"used_percentage": 10}}),
    );
    assert_eq!((code, line.trim()), (0, "SHIM ○ offline"));

    // NATS up, no node: the same.
    let nats = NatsServer::start();
    let (code, out) = hook(
        &nats.url(),
        "nobody",
        &event("s", "SessionEnd", project.path(), json!({})),
    );
    assert_eq!((code, out.as_str()), (0, ""));
}

#[tokio::test]
async fn the_status_line_records_context_and_shows_risk() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let url = nats.url();
    let _node = start_node(&url, "line-test", data_dir.path());
    let client = node_client(&url, "line-test").await;
    let input = |percentage: f64| {
        json!({
            "session_id": "line-1",
            "model": {"id": "claude-sonnet-4-5", "display_name": "Sonnet"},
            "cost": {"total_cost_usd": 1.5},
            "context_window": {"context_window_size": 200000, "used_percentage": percentage, "total_input_tokens": 84000}
        })
    };
    let (code, line) = statusline(&url, "line-test", &input(42.0));
    assert_eq!(code, 0);
    assert!(
        line.contains("SHIM ● safe") && line.contains("ctx 42%") && line.contains("no ckpt yet"),
        "{line}"
    );
    let (_, line) = statusline(&url, "line-test", &input(80.0));
    assert!(
        line.contains("SHIM ■ danger") && line.contains("ctx 80%"),
        "{line}"
    );
    let risk: RiskReport = shim_tests::own(&client, data_dir.path(), "line-1")
        .request(
            NodeOp::Risk,
            &RiskRequest {
                chat_id: "line-1".to_owned(),
            },
        )
        .await
        .expect("risk");
    assert_eq!(risk.signals.cost_usd, Some(1.5));
    assert_eq!(risk.signals.model.as_deref(), Some("claude-sonnet-4-5"));
    // Danger triggered an automatic checkpoint: the line shows its age once it lands.
    let shown = wait_until(
        || async {
            statusline(&url, "line-test", &input(80.0))
                .1
                .contains("ckpt ")
                && !statusline(&url, "line-test", &input(80.0))
                    .1
                    .contains("no ckpt")
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(shown);
}

#[tokio::test]
async fn token_use_is_read_from_the_transcript_incrementally() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = tempfile::tempdir().expect("temp dir");
    let url = nats.url();
    let _node = start_node(&url, "transcript-test", data_dir.path());
    let client = node_client(&url, "transcript-test").await;
    let transcript = project.path().join("t-1.jsonl");
    let usage = |tokens: u64| {
        format!(
            "{}\n",
            json!({"type": "assistant", "message": {"role": "assistant", "usage": {"input_tokens": 10, "cache_read_input_tokens": tokens, "output_tokens": 5}}})
        )
    };
    std::fs::write(&transcript, usage(100_000)).expect("write");
    let prompt = event("t-1", "UserPromptSubmit", project.path(), json!({}));
    assert_eq!(hook(&url, "transcript-test", &prompt).0, 0);
    let session = shim_tests::own(&client, data_dir.path(), "t-1");
    let tokens = |expected: u64| {
        let client = session.clone();
        async move {
            client
                .request::<_, RiskReport>(
                    NodeOp::Risk,
                    &RiskRequest {
                        chat_id: "t-1".to_owned(),
                    },
                )
                .await
                .is_ok_and(|risk| risk.signals.tokens_used == Some(expected))
        }
    };
    assert!(wait_until(|| tokens(100_010), DEADLINE, POLL).await);
    // More is appended: only the new line is read, and it wins.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&transcript)
        .and_then(|mut file| std::io::Write::write_all(&mut file, usage(150_000).as_bytes()))
        .expect("append");
    assert_eq!(hook(&url, "transcript-test", &prompt).0, 0);
    assert!(wait_until(|| tokens(150_010), DEADLINE, POLL).await);
}

#[tokio::test]
async fn setup_writes_claude_code_settings_once_and_keeps_the_rest() {
    let project = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(project.path().join(".claude")).expect("dir");
    std::fs::write(
        project.path().join(".claude/settings.json"),
        r#"{"model": "opus"}"#,
    )
    .expect("write");
    let run = || {
        succeeds(
            Command::new(EXE)
                .args(["setup", "claude-code", "--project"])
                .arg(project.path()),
        )
    };
    assert!(run().contains("updated"));
    let second = run();
    assert!(
        !second.contains("updated") && second.contains("unchanged"),
        "{second}"
    );
    let settings: Value = serde_json::from_str(
        &std::fs::read_to_string(project.path().join(".claude/settings.json")).expect("file"),
    )
    .expect("json");
    assert_eq!(settings["model"], "opus");
    let command = settings["hooks"]["SessionStart"][0]["hooks"][0]["command"]
        .as_str()
        .expect("hook command");
    assert!(
        command.ends_with(" hook") && command.contains("shim-node"),
        "{command}"
    );
    assert!(
        settings["statusLine"]["command"]
            .as_str()
            .is_some_and(|line| line.ends_with(" statusline"))
    );

    let home = tempfile::tempdir().expect("temp dir");
    let output = Command::new(EXE)
        .args(["setup", "claude-code", "--user"])
        .env("HOME", home.path())
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let user: Value = serde_json::from_str(
        &std::fs::read_to_string(home.path().join(".claude.json")).expect("file"),
    )
    .expect("json");
    assert_eq!(user["mcpServers"]["shim"]["args"][0], "mcp");

    let desktop = home.path().join("desktop.json");
    std::fs::write(&desktop, r#"{"mcpServers": {"other": {"command": "x"}}}"#).expect("write");
    let output = Command::new(EXE)
        .args(["setup", "claude-desktop", "--write", "--file"])
        .arg(&desktop)
        .output()
        .expect("runs");
    assert!(output.status.success());
    let merged: Value =
        serde_json::from_str(&std::fs::read_to_string(&desktop).expect("file")).expect("json");
    assert_eq!(merged["mcpServers"]["other"]["command"], "x");
    assert_eq!(merged["mcpServers"]["shim"]["args"][0], "mcp");
}

#[tokio::test]
async fn checkpoints_and_resume_commands_show_what_is_stored() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = git_project();
    let project_path = std::fs::canonicalize(project.path()).expect("path");
    let url = nats.url();
    let _node = start_node(&url, "cli-test", data_dir.path());
    let client = node_client(&url, "cli-test").await;
    let _: shim_protocol::messages::SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &shim_protocol::messages::SessionStartRequest {
                chat_id: Some("cli-chat".to_owned()),
                project_dir: Some(project_path.display().to_string()),
                ..Default::default()
            },
        )
        .await
        .expect("session");
    for summary in ["first pass", "second pass"] {
        let _: CheckpointSaved = shim_tests::own(&client, data_dir.path(), "cli-chat")
            .request(
                NodeOp::CheckpointSave,
                &SaveCheckpointRequest {
                    chat_id: "cli-chat".to_owned(),
                    input: CheckpointInput {
                        summary: summary.to_owned(),
                        next_steps: vec!["ship it".to_owned()],
                        ..CheckpointInput::default()
                    },
                },
            )
            .await
            .expect("saved");
    }
    let cli = |args: &[&str]| {
        let output = Command::new(EXE)
            .args(args)
            .args(["--nats-url", &url, "--node-id", "cli-test"])
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        (
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (list, _) = cli(&["checkpoints", "list"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 3, "a header and two checkpoints: {list}");
    assert!(lines[0].starts_with("CHECKPOINT"), "{list}");
    assert!(
        lines[1].starts_with("cli-chat:2") && lines[1].contains("second pass"),
        "{list}"
    );
    let (json_list, _) = cli(&["checkpoints", "list", "--json", "--chat-id", "cli-chat"]);
    let parsed: Value = serde_json::from_str(&json_list).expect("json");
    assert_eq!(parsed.as_array().map(Vec::len), Some(2));
    let (show, _) = cli(&["checkpoints", "show", "cli-chat:1"]);
    assert!(
        show.contains("first pass") && show.contains("next       ship it"),
        "{show}"
    );
    let export_path = data_dir.path().join("export.json");
    cli(&[
        "checkpoints",
        "export",
        "cli-chat:2",
        "--output",
        export_path.to_str().expect("utf-8"),
    ]);
    let exported: Value =
        serde_json::from_str(&std::fs::read_to_string(&export_path).expect("file")).expect("json");
    assert_eq!(exported["seq"], 2);
    assert_eq!(exported["files"]["branch"], "main");

    // Looking does not consume: `resume` shows the prompt as often as asked, and it stays offered.
    let project_arg = project_path.to_str().expect("utf-8");
    for _ in 0..2 {
        let (prompt, note) = cli(&["resume", "--project", project_arg]);
        assert!(
            prompt.contains("second pass") && prompt.contains("1. ship it"),
            "{prompt}"
        );
        assert!(note.contains("still offered"), "{note}");
    }
    // `resume --take` takes it: shown once more, then marked restored and not offered again.
    let (taken, note) = cli(&["resume", "--take", "--project", project_arg]);
    assert!(taken.contains("second pass"), "{taken}");
    assert!(note.contains("marked restored"), "{note}");
    for args in [
        &["resume", "--project", project_arg][..],
        &["resume", "--take", "--project", project_arg][..],
    ] {
        let (nothing, note) = cli(args);
        assert_eq!(nothing, "", "{args:?}");
        assert!(note.contains("nothing to resume"), "{args:?}: {note}");
    }

    let missing = Command::new(EXE)
        .args([
            "checkpoints",
            "show",
            "cli-chat:99",
            "--nats-url",
            &url,
            "--node-id",
            "cli-test",
        ])
        .output()
        .expect("runs");
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("not known"));
}

/// One chat's damaged checkpoint costs that chat's resume only: the project's other interrupted chat is still
/// offered (the resume check failed for the whole project before).
#[tokio::test]
async fn a_damaged_checkpoint_leaves_the_other_chats_of_the_project_resumable() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = git_project();
    let project_path = std::fs::canonicalize(project.path()).expect("path");
    let url = nats.url();
    let mut node = start_node(&url, "damage-test", data_dir.path());
    let client = node_client(&url, "damage-test").await;
    // `older` first, `newer` after: the newer chat is the one offered while both are readable.
    for (chat_id, summary) in [("older", "older work"), ("newer", "newer work")] {
        let _: shim_protocol::messages::SessionStartReply = client
            .request(
                NodeOp::SessionStart,
                &shim_protocol::messages::SessionStartRequest {
                    chat_id: Some(chat_id.to_owned()),
                    project_dir: Some(project_path.display().to_string()),
                    ..Default::default()
                },
            )
            .await
            .expect("session");
        shim_tests::save_checkpoint(&client, data_dir.path(), chat_id, summary).await;
    }
    let resume = || {
        succeeds(
            Command::new(EXE)
                .args(["resume", "--project"])
                .arg(&project_path)
                .args(["--nats-url", &url, "--node-id", "damage-test"]),
        )
    };
    assert!(resume().contains("newer work"));
    node.kill_9();
    shim_tests::node_process::wait_for_node_gone(&client).await;

    // The newer chat's checkpoint damaged on disk while the node is down.
    {
        let store = shim_actors::checkpoint_manager::store::CheckpointStore::open(
            &data_dir.path().join("store"),
        )
        .expect("the store opens");
        let checkpoints = store.db().open_tree("checkpoints").expect("the tree");
        let (key, _) = checkpoints
            .scan_prefix(b"newer\0")
            .next_back()
            .expect("one entry")
            .expect("read");
        checkpoints
            .insert(key, &b"\x01garbage"[..])
            .expect("written");
        store.db().flush().expect("flushed");
    }
    let _node = start_node(&url, "damage-test", data_dir.path());
    let _ = node_client(&url, "damage-test").await;
    let offered = resume();
    assert!(offered.contains("older work"), "{offered}");
}
