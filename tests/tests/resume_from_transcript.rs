//! Resume for a Claude Code user who never calls SHIM's tools: only hooks and the transcript. A real
//! three-turn session (tests/data/claude-code-session.jsonl, Claude Code's JSONL format) is replayed
//! turn by turn into a transcript file, with the hooks Claude Code would run; the session crashes in the
//! middle of its third turn, after the checkpoint taken at the end of the second. The next session's
//! SessionStart hook must hand over the work: requests, todo list, files and diff, commands and the last
//! failure, the assistant's last message, within 8 KB.

use std::{io::Write, path::Path, process::Command, time::Duration};

use serde_json::{Value, json};
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{CheckpointList, CheckpointSummary, ListCheckpointsRequest},
};
use shim_tests::{
    DEADLINE, NatsServer, NodeProcess, POLL, repo_root, run_hook, sh_quote, wait_for_node,
    wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");
const NODE: &str = "resume-test";
const SESSION: &str = "5f0c2a1e-8d3b-4c7a-9e21-7b6d0f4a9c11";

/// Runs `shim-node hook` as Claude Code does (through `sh -c`, see `shim_tests::run_hook`); returns its stdout.
/// Runs `shim-node hook` as Claude Code does, beside the node: with its data dir (the hooks of a real session
/// share the node's default one).
fn hook(nats_url: &str, data_dir: &Path, input: &Value) -> String {
    let command = format!(
        "{} hook --nats-url {} --node-id {NODE} --data-dir {}",
        sh_quote(EXE),
        sh_quote(nats_url),
        sh_quote(&data_dir.display().to_string())
    );
    let run = run_hook(&command, &[], input);
    assert_eq!(run.code, 0, "hook {input}");
    run.stdout
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .output()
        .expect("git");
    assert!(status.status.success(), "git {args:?}");
}

/// The fixture's lines, split into turns at each prompt the user typed (a `user` line whose content is
/// text, not tool results or text Claude Code adds itself). Lines before the first prompt go with it.
fn turns(fixture: &str) -> Vec<Vec<&str>> {
    let mut turns: Vec<Vec<&str>> = vec![Vec::new()];
    let mut prompted = false;
    for line in fixture.split_inclusive('\n') {
        let value: Value = serde_json::from_str(line).unwrap_or(Value::Null);
        let prompt = value["type"] == "user"
            && value["message"]["content"].is_string()
            && value["isMeta"] != true;
        if prompt && prompted {
            turns.push(Vec::new());
        }
        prompted |= prompt;
        turns.last_mut().expect("a turn").push(line);
    }
    turns
}

/// The hooks Claude Code runs for one turn of the transcript: UserPromptSubmit, then PostToolUse (or
/// PostToolUseFailure) per tool call, in order.
fn hooks_of(lines: &[&str], project: &Path, transcript: &Path) -> Vec<Value> {
    let event = |name: &str, extra: Value| {
        let mut value = json!({
            "session_id": SESSION,
            "transcript_path": transcript.display().to_string(),
            "cwd": project.display().to_string(),
            "permission_mode": "default",
            "hook_event_name": name,
        });
        if let (Some(target), Some(more)) = (value.as_object_mut(), extra.as_object()) {
            target.extend(more.clone());
        }
        value
    };
    let values: Vec<Value> = lines
        .iter()
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect();
    let mut hooks = Vec::new();
    for value in &values {
        if value["type"] == "user"
            && value["message"]["content"].is_string()
            && value["isMeta"] != true
        {
            hooks.push(event(
                "UserPromptSubmit",
                json!({"prompt": value["message"]["content"]}),
            ));
        }
        for block in value["message"]["content"].as_array().into_iter().flatten() {
            if block["type"] != "tool_use" {
                continue;
            }
            let result = values
                .iter()
                .flat_map(|other| other["message"]["content"].as_array().into_iter().flatten())
                .find(|other| {
                    other["type"] == "tool_result" && other["tool_use_id"] == block["id"]
                });
            let Some(result) = result else { continue };
            let common = json!({"tool_name": block["name"], "tool_input": block["input"], "tool_use_id": block["id"]});
            let mut extra = common.as_object().cloned().unwrap_or_default();
            let name = if result["is_error"] == true {
                extra.insert("error".to_owned(), result["content"].clone());
                "PostToolUseFailure"
            } else {
                extra.insert("tool_response".to_owned(), result["content"].clone());
                "PostToolUse"
            };
            hooks.push(event(name, Value::Object(extra)));
        }
    }
    hooks
}

async fn checkpoints(client: &NodeClient) -> Vec<CheckpointSummary> {
    client
        .request::<_, CheckpointList>(
            NodeOp::CheckpointList,
            &ListCheckpointsRequest {
                chat_id: Some(SESSION.to_owned()),
                limit: Some(100),
            },
        )
        .await
        .map(|list| list.checkpoints)
        .unwrap_or_default()
}

#[tokio::test]
async fn a_session_that_crashed_mid_turn_is_resumed_from_its_transcript_and_hooks() {
    let nats = NatsServer::start();
    let url = nats.url();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project_dir = tempfile::tempdir().expect("temp dir");
    let project = std::fs::canonicalize(project_dir.path()).expect("path");
    std::fs::create_dir_all(project.join("src")).expect("src");
    for file in ["lexer.rs", "parse.rs", "span.rs"] {
        std::fs::write(project.join("src").join(file), "// v1\n").expect("write");
    }
    std::fs::write(
        project.join("src/span.rs"),
        "impl Span {\n    fn join(self, other: Span) -> Span {\n        Span { end: self.end + other.len, ..self }\n    }\n}\n",
    )
    .expect("write");
    git(&project, &["init", "-q", "-b", "main"]);
    git(&project, &["add", "."]);
    git(&project, &["commit", "-q", "-m", "init"]);
    // Where Claude Code keeps transcripts: outside the project.
    let claude_home = tempfile::tempdir().expect("temp dir");
    let transcript = claude_home.path().join(format!("{SESSION}.jsonl"));
    std::fs::write(&transcript, "").expect("create");

    let _node = NodeProcess::start(EXE, &url, NODE, data_dir.path());
    let client = wait_for_node(&url, NODE, Duration::from_secs(5)).await;
    let fixture = std::fs::read_to_string(repo_root().join("tests/data/claude-code-session.jsonl"))
        .expect("fixture");
    let turns = turns(&fixture);
    assert_eq!(turns.len(), 3, "the fixture has three turns");
    let start = |session: &str| {
        json!({
            "session_id": session, "transcript_path": transcript.display().to_string(),
            "cwd": project.display().to_string(), "hook_event_name": "SessionStart", "source": "startup"
        })
    };
    assert_eq!(hook(&url, data_dir.path(), &start(SESSION)).trim(), "");

    let mut last_seq = 0;
    for (index, turn) in turns.iter().enumerate() {
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&transcript)
            .expect("open");
        file.write_all(turn.concat().as_bytes()).expect("append");
        for input in hooks_of(turn, &project, &transcript) {
            hook(&url, data_dir.path(), &input);
        }
        if index == 2 {
            break;
        }
        // The turn ends: Stop, and its checkpoint.
        let stop = json!({"session_id": SESSION, "transcript_path": transcript.display().to_string(),
            "cwd": project.display().to_string(), "hook_event_name": "Stop", "stop_hook_active": false});
        hook(&url, data_dir.path(), &stop);
        let stopped = wait_until(
            || async {
                checkpoints(&client).await.first().is_some_and(|newest| {
                    newest.seq > last_seq && newest.trigger.as_str() == "stop"
                })
            },
            DEADLINE,
            POLL,
        )
        .await;
        assert!(stopped, "turn {} ended without its checkpoint", index + 1);
        last_seq = checkpoints(&client).await[0].seq;
    }
    // Mid-turn, after the checkpoint: the assistant edited span.rs, the next test run failed, then the
    // session died (no Stop, no SessionEnd; its `claude` process is gone).
    std::fs::write(
        project.join("src/span.rs"),
        "impl Span {\n    fn join(self, other: Span) -> Span {\n        Span { end: self.end.saturating_add(other.len), ..self }\n    }\n}\n",
    )
    .expect("write");
    let newest = checkpoints(&client).await;
    assert_eq!(
        newest[0].seq, last_seq,
        "no checkpoint after the second turn's"
    );

    let prompt = hook(&url, data_dir.path(), &start("next-session"));
    let prompt = prompt.trim_end();
    let requests = [
        "1. The lexer in src/lexer.rs chokes on tab characters",
        "2. Good. Now make the parser recover from a missing semicolon",
        "3. CI runs the tests with --release too and fails with an overflow in src/span.rs",
    ];
    let positions: Vec<usize> = requests
        .iter()
        .map(|needle| {
            prompt
                .find(needle)
                .unwrap_or_else(|| panic!("missing {needle:?} in:\n{prompt}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|pair| pair[0] < pair[1]),
        "{prompt}"
    );
    for needle in [
        "# Resuming an interrupted session",
        "likely crash",
        // The todo list as last written: the third turn's.
        "- [~] Reproduce the overflow with cargo test --release",
        "- [ ] Fix Span::join so it cannot overflow",
        // Files changed, and the diff as it is now (made after the checkpoint).
        "/home/dev/parser/src/span.rs",
        "| modified | - | src/span.rs |",
        "+        Span { end: self.end.saturating_add(other.len), ..self }",
        // Commands run, repeats collapsed, and the last failure with its error.
        "- `cargo test lexer`",
        "- `cargo test parse` ×2 (1 failed, the last succeeded)",
        "- `cargo test --release` ×2 (2 failed, the last too)",
        "## Last failing command\n\n`cargo test --release`",
        "assertion `left == right` failed: a joined span must cover both",
        // Five edits of one file are one line.
        "- Edit /home/dev/parser/src/lexer.rs ×5",
        // The assistant's last message, written after the checkpoint.
        "I'll widen `Span::end` to `u64` and check the callers of `Span::len`.",
    ] {
        assert!(prompt.contains(needle), "missing {needle:?} in:\n{prompt}");
    }
    assert_eq!(
        prompt.matches("Edit /home/dev/parser/src/lexer.rs").count(),
        1,
        "{prompt}"
    );
    for stale in [
        "(no summary was recorded)",
        "Done:\nnone",
        "none recorded",
        "Treat tabs as whitespace",
    ] {
        assert!(!prompt.contains(stale), "{stale:?} in:\n{prompt}");
    }
    assert!(
        prompt.len() <= 8 * 1024,
        "{} bytes:\n{prompt}",
        prompt.len()
    );
}
