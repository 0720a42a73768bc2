//! The resume prompt: reasons, sections, and what the transcript adds.

use shim_protocol::messages::{
    CheckpointTrigger, ConversationState, SignalSnapshot, TaskState, ToolCallRecord,
};

use super::digest::parse;

use super::*;

fn record(last_activity: LastActivity, last_active_ms: u64) -> ChatRecord {
    ChatRecord {
        chat_id: "c".to_owned(),
        project_dir: Some("/p".to_owned()),
        client: None,
        started_at_ms: 0,
        last_active_ms,
        last_activity,
        ended_at_ms: None,
        claude_pid: None,
        peak_risk: None,
        api_failures: 0,
        transcript_path: None,
        prompts: Vec::new(),
        processes: Vec::new(),
    }
}

#[test]
fn reasons_follow_what_happened_last() {
    let hour = 3_600_000;
    let classify_at =
        |activity, last_active_ms| classify(&record(activity, last_active_ms), 10 * hour, hour);
    assert_eq!(
        classify_at(LastActivity::ToolCall, 10 * hour - 1000).0,
        InterruptionReason::Crash
    );
    assert_eq!(
        classify_at(LastActivity::Prompt, 10 * hour - 1000).0,
        InterruptionReason::Crash
    );
    assert_eq!(
        classify_at(LastActivity::TurnFailed, 0).0,
        InterruptionReason::Crash
    );
    assert_eq!(
        classify_at(LastActivity::TurnEnded, 10 * hour - 1000).0,
        InterruptionReason::ManualExit
    );
    assert_eq!(
        classify_at(LastActivity::TurnEnded, 2 * hour).0,
        InterruptionReason::Timeout
    );
    assert_eq!(
        classify_at(LastActivity::Started, 0).0,
        InterruptionReason::Unknown
    );
    let mut danger = record(LastActivity::ToolCall, 0);
    danger.peak_risk = Some("danger".to_owned());
    assert!(classify(&danger, hour, hour).1 > classify_at(LastActivity::ToolCall, 0).1);
}

#[test]
fn the_prompt_carries_every_section_from_the_checkpoint() {
    let checkpoint = Checkpoint {
        checkpoint_id: "c:3".to_owned(),
        chat_id: "c".to_owned(),
        seq: 3,
        created_at_ms: 1_000_000,
        trigger: CheckpointTrigger::ToolCalls,
        project_dir: Some("/home/dev/parser".to_owned()),
        conversation: ConversationState {
            summary: "Porting the parser to nom".to_owned(),
            decisions: vec!["keep the AST unchanged".to_owned()],
            current_context: "error recovery".to_owned(),
            recent_messages: vec!["user: also handle tabs".to_owned()],
        },
        task: TaskState {
            operation: "port parser".to_owned(),
            phase: "error recovery".to_owned(),
            progress: 0.6,
            completed_steps: vec!["lexer".to_owned()],
            next_steps: vec![
                "recover from missing ;".to_owned(),
                "run the fuzzer".to_owned(),
            ],
            blockers: vec!["flaky test t_17".to_owned()],
        },
        files: FileState {
            modified: vec!["src/parse.rs".to_owned()],
            branch: Some("nom".to_owned()),
            head: Some("abc1234".to_owned()),
            diff: "+fn recover() {}".to_owned(),
            ..FileState::default()
        },
        tools: vec![ToolCallRecord {
            tool: "Bash".to_owned(),
            ok: false,
            arguments: "cargo test".to_owned(),
            result: "1 failed".to_owned(),
            at_ms: 999_000,
        }],
        signals: SignalSnapshot::default(),
        reason: None,
    };
    let now = FileState {
        modified: vec!["src/parse.rs".to_owned(), "src/lib.rs".to_owned()],
        branch: Some("nom".to_owned()),
        head: Some("def5678".to_owned()),
        ..FileState::default()
    };
    let text = prompt(
        &checkpoint,
        &Cause::guessed(InterruptionReason::Crash, 0.8),
        1_000_000 + 720_000,
        &now,
        &Since::default(),
    );
    for needle in [
        "# Resuming an interrupted session",
        "likely crash, confidence 80%",
        "#3, taken on tool calls",
        "12m old",
        "## Situation",
        "Porting the parser to nom",
        "Working on: error recovery",
        "## Done",
        "port parser — phase: error recovery (60% done)",
        "- lexer",
        "## Decisions",
        "- keep the AST unchanged",
        "## Next steps",
        "1. recover from missing ;",
        "2. run the fuzzer",
        "| branch | nom @ abc1234 | nom @ def5678 |",
        "| modified | src/parse.rs | src/parse.rs, src/lib.rs |",
        "+fn recover() {}",
        "## Blockers",
        "- flaky test t_17",
        "- `cargo test` (failed)",
        "## Last failing command\n\n`cargo test`\n\n```\n1 failed\n```",
        "user: also handle tabs",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn a_recorded_interruption_is_named_and_only_its_absence_is_guessed() {
    // A chat known only from its MCP server: no hook ever reported what it did, so a guess says `unknown`.
    let started = record(LastActivity::Started, 0);
    let checkpoint = hooks_only_checkpoint();
    let at = checkpoint.created_at_ms + 60_000;
    let text_of = |cause: &Cause| {
        prompt(
            &checkpoint,
            cause,
            at,
            &FileState::default(),
            &Since::default(),
        )
    };
    let seal = |detected: &str| Seal {
        // 2025-11-20 10:15:42 UTC.
        at_ms: 1_763_633_742_000,
        detected: detected.to_owned(),
        seq_opt: Some(checkpoint.seq),
    };

    let guessed = Cause::of(&started, None, at, 3_600_000);
    assert_eq!(
        (guessed.reason, guessed.confidence, &guessed.recorded_opt),
        (InterruptionReason::Unknown, 0.3, &None)
    );
    let text = text_of(&guessed);
    assert!(
        text.contains("without a clean exit (likely unknown, confidence 30%). Its last checkpoint"),
        "{text}"
    );

    // Recovery saw its process exit: that is what the prompt says, with no guess and no confidence figure.
    let recorded = Cause::of(&started, Some(seal("process_exited")), at, 3_600_000);
    assert_eq!(
        (recorded.reason, recorded.confidence),
        (InterruptionReason::Crash, 1.0)
    );
    let text = text_of(&recorded);
    assert!(
        text.contains(
            "ended without a clean exit: the session's process exited, killed or crashed (found by recovery \
             at 2025-11-20 10:15 UTC). Its last checkpoint (#2"
        ),
        "{text}"
    );
    for guess in ["likely", "unknown", "confidence"] {
        assert!(!text.contains(guess), "{guess:?} in:\n{text}");
    }

    let silent = Cause::of(&started, Some(seal("heartbeat_timeout")), at, 3_600_000);
    assert_eq!(
        (silent.reason, silent.confidence),
        (InterruptionReason::Timeout, 1.0)
    );
    let text = text_of(&silent);
    assert!(
        text.contains(
            "the session fell silent, no heartbeat for the away time (found by recovery at 2025-11-20 10:15 UTC)"
        ),
        "{text}"
    );
    assert!(!text.contains("likely"), "{text}");

    // A way of finding it this release does not know is still named, not guessed.
    let text = text_of(&Cause::of(
        &started,
        Some(seal("watchdog_fired")),
        at,
        3_600_000,
    ));
    assert!(
        text.contains(": watchdog fired (found by recovery at 2025-11-20 10:15 UTC)"),
        "{text}"
    );
}

/// A Claude Code session of three turns (tabs in the lexer, parser recovery, a release-mode overflow), cut
/// by a crash in the middle of the third, its last line half written.
const SESSION: &str = include_str!("../../../../tests/data/claude-code-session.jsonl");

/// An automatic checkpoint taken at the end of the second turn, of a session that never called SHIM's
/// tools: no summary, no task, only what the hooks saw.
fn hooks_only_checkpoint() -> Checkpoint {
    let call = |tool: &str, arguments: &str, ok: bool| ToolCallRecord {
        tool: tool.to_owned(),
        ok,
        arguments: arguments.to_owned(),
        result: String::new(),
        at_ms: 1_000,
    };
    Checkpoint {
        checkpoint_id: "s:2".to_owned(),
        chat_id: "s".to_owned(),
        seq: 2,
        created_at_ms: 1_763_632_900_000,
        trigger: CheckpointTrigger::Stop,
        project_dir: Some("/home/dev/parser".to_owned()),
        conversation: ConversationState::default(),
        task: TaskState::default(),
        files: FileState::default(),
        tools: vec![
            call("Edit", r#"{"file_path":"src/lexer.rs"}"#, true),
            call("Bash", r#"{"command":"cargo test parse"}"#, false),
        ],
        signals: SignalSnapshot::default(),
        reason: None,
    }
}

#[test]
fn a_hooks_only_session_resumes_from_its_transcript() {
    let digest = parse(SESSION);
    let checkpoint = hooks_only_checkpoint();
    let since = Since {
        digest_opt: Some(digest),
        recent_tools: Vec::new(),
        prompts: vec![RecordedPrompt {
            // The hook saw a prompt the transcript never got: the newest request.
            at_ms: 1_763_640_000_000,
            text: "and run clippy when you are done".to_owned(),
        }],
    };
    let now = FileState {
        modified: vec!["src/span.rs".to_owned()],
        branch: Some("main".to_owned()),
        diff: "diff --git a/src/span.rs b/src/span.rs\n-        self.end + other.len\n+        self.end.saturating_add(other.len)\n".to_owned(),
        ..FileState::default()
    };
    let text = prompt(
        &checkpoint,
        &Cause::guessed(InterruptionReason::Crash, 0.75),
        checkpoint.created_at_ms + 600_000,
        &now,
        &since,
    );
    let ordered = [
        "1. The lexer in src/lexer.rs chokes on tab characters",
        "2. Good. Now make the parser recover from a missing semicolon",
        "3. CI runs the tests with --release too",
        "4. and run clippy when you are done",
    ];
    let positions: Vec<usize> = ordered
        .iter()
        .map(|needle| {
            text.find(needle)
                .unwrap_or_else(|| panic!("missing {needle:?} in:\n{text}"))
        })
        .collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{text}");
    for needle in [
        "Tokenizer tabs and parser error recovery",
        // The todo list as last written, not an earlier one.
        "- [~] Reproduce the overflow with cargo test --release",
        "- [ ] Fix Span::join so it cannot overflow",
        "- [ ] Run the whole suite in release mode",
        // Files changed, and the diff now.
        "/home/dev/parser/src/lexer.rs, /home/dev/parser/src/parse.rs, /home/dev/parser/src/span.rs",
        "## Uncommitted diff now",
        "+        self.end.saturating_add(other.len)",
        // Commands, repeats collapsed, and the last failure with its error.
        "- `cargo test lexer`",
        "- `cargo test parse` ×2 (1 failed, the last succeeded)",
        "- `cargo test --release` ×2 (2 failed, the last too)",
        "## Last failing command",
        "assertion `left == right` failed: a joined span must cover both",
        // Other tools, collapsed: one line for five edits of the same file.
        "- Edit /home/dev/parser/src/lexer.rs ×5",
        // The assistant's last message.
        "I'll widen `Span::end` to `u64`",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    assert_eq!(
        text.matches("Edit /home/dev/parser/src/lexer.rs").count(),
        1,
        "{text}"
    );
    assert!(
        !text.contains("Treat tabs as whitespace"),
        "an older todo list: {text}"
    );
    for stale in [
        "(no summary was recorded)",
        "Done:\nnone",
        "none recorded",
        "Caveat:",
    ] {
        assert!(!text.contains(stale), "{stale:?} in:\n{text}");
    }
    assert!(text.len() <= PROMPT_BUDGET, "{} bytes", text.len());
}

#[test]
fn a_long_session_is_cut_to_the_budget_keeping_the_newest() {
    let mut session = String::new();
    for index in 1..=300 {
        session.push_str(&format!(
            "{}\n{}\n{}\n",
            serde_json::json!({"type": "user", "message": {"role": "user", "content": format!("request {index}: {}", "please ".repeat(40))}}),
            serde_json::json!({"type": "assistant", "message": {"role": "assistant", "content": [{"type": "tool_use", "id": format!("t{index}"), "name": "Bash", "input": {"command": format!("make step-{index}")}}]}}),
            serde_json::json!({"type": "user", "message": {"role": "user", "content": [{"type": "tool_result", "tool_use_id": format!("t{index}"), "content": "x".repeat(3_000), "is_error": index % 2 == 0}]}}),
        ));
    }
    let since = Since {
        digest_opt: Some(parse(&session)),
        prompts: Vec::new(),
        recent_tools: Vec::new(),
    };
    let now = FileState {
        diff: "diff --git a/x b/x\n".to_owned() + &"+line\n".repeat(5_000),
        ..FileState::default()
    };
    let text = prompt(
        &hooks_only_checkpoint(),
        &Cause::guessed(InterruptionReason::Crash, 0.75),
        0,
        &now,
        &since,
    );
    assert!(text.len() <= PROMPT_BUDGET, "{} bytes", text.len());
    assert!(text.contains("300. request 300:"), "{text}");
    assert!(!text.contains("1. request 1:"), "{text}");
    assert!(text.contains("earlier cut]"), "{text}");
    assert!(
        text.contains("`make step-300`") && !text.contains("`make step-1`"),
        "{text}"
    );
    assert!(
        text.contains("## Last failing command\n\n`make step-300`"),
        "{text}"
    );
}

#[test]
fn without_a_transcript_the_hooks_say_what_happened_since() {
    let call = |tool: &str, arguments: &str, ok: bool, result: &str| ToolCallRecord {
        tool: tool.to_owned(),
        ok,
        arguments: arguments.to_owned(),
        result: result.to_owned(),
        at_ms: 2_000,
    };
    let mut recent_tools = vec![call("Bash", r#"{"command":"cargo build"}"#, true, "")];
    for _ in 0..5 {
        recent_tools.push(call("Edit", r#"{"file_path":"src/span.rs"}"#, true, "ok"));
    }
    recent_tools.push(call(
        "Bash",
        r#"{"command":"cargo test --release","description":"run"}"#,
        false,
        "attempt to add with overflow",
    ));
    let since = Since {
        digest_opt: None,
        prompts: vec![RecordedPrompt {
            at_ms: 1_763_632_900_001,
            text: "make cargo test --release pass".to_owned(),
        }],
        recent_tools,
    };
    let text = prompt(
        &hooks_only_checkpoint(),
        &Cause::guessed(InterruptionReason::Crash, 0.75),
        0,
        &FileState::default(),
        &since,
    );
    for needle in [
        "1. make cargo test --release pass ← after the checkpoint; the turn it started was interrupted",
        "- `cargo build`",
        "- `cargo test --release` (failed)",
        "## Last failing command\n\n`cargo test --release`\n\n```\nattempt to add with overflow\n```",
        r#"- Edit (ok) {"file_path":"src/span.rs"} ×5"#,
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    assert!(!text.contains("(no summary was recorded)"), "{text}");
    assert!(
        !text.contains("cargo test parse"),
        "the checkpoint's older calls: {text}"
    );
}
