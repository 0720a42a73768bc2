//! Resuming an interrupted session: why it ended, and the Markdown prompt that hands its last checkpoint
//! to the next session.

use std::{fmt::Write, time::Duration};

use shim_protocol::messages::{Checkpoint, FileState, InterruptionReason};

use super::{
    limits::cut_bytes,
    store::{ChatRecord, LastActivity},
};

/// Most diff bytes quoted in a resume prompt.
const PROMPT_DIFF_BYTES: usize = 4 * 1024;

/// Why a session that never ended cleanly stopped, with a confidence in 0..1.
pub fn classify(
    record: &ChatRecord,
    now_ms: u64,
    idle_timeout_ms: u64,
) -> (InterruptionReason, f64) {
    let silent_ms = now_ms.saturating_sub(record.last_active_ms);
    let peaked_in_danger = record.peak_risk.as_deref() == Some("danger");
    match record.last_activity {
        LastActivity::TurnFailed => (InterruptionReason::Crash, 0.85),
        LastActivity::Prompt | LastActivity::ToolCall | LastActivity::Compaction => {
            // It stopped in the middle of a turn: nobody walks away mid-answer on purpose.
            let confidence = if peaked_in_danger || record.api_failures > 0 {
                0.9
            } else {
                0.75
            };
            (InterruptionReason::Crash, confidence)
        }
        LastActivity::TurnEnded if silent_ms >= idle_timeout_ms => {
            (InterruptionReason::Timeout, 0.7)
        }
        LastActivity::TurnEnded => (InterruptionReason::ManualExit, 0.6),
        LastActivity::Started => (InterruptionReason::Unknown, 0.3),
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        return "none\n".to_owned();
    }
    items.iter().map(|item| format!("- {item}\n")).collect()
}

fn join_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_owned()
    } else {
        items.join(", ")
    }
}

fn where_(files: &FileState) -> String {
    match (&files.branch, &files.head) {
        (Some(branch), Some(head)) => format!("{branch} @ {head}"),
        (Some(branch), None) => branch.clone(),
        (None, Some(head)) => head.clone(),
        (None, None) => "-".to_owned(),
    }
}

/// Builds the resume prompt from the interrupted chat's last checkpoint and the project's files now.
pub fn prompt(
    checkpoint: &Checkpoint,
    reason: InterruptionReason,
    confidence: f64,
    now_ms: u64,
    files_now: &FileState,
) -> String {
    let age = Duration::from_secs(now_ms.saturating_sub(checkpoint.created_at_ms) / 1000);
    let mut out = String::with_capacity(4096);
    let project = checkpoint.project_dir.as_deref().unwrap_or("this project");
    let _ = writeln!(out, "# Resuming an interrupted session\n");
    let _ = writeln!(
        out,
        "The previous session in `{project}` ended without a clean exit (likely {}, confidence {:.0}%). \
         Its last checkpoint (#{}, taken on {}) is {} old. Continue from it: check the files below against \
         what it says, then carry on with the next steps.\n",
        reason.as_str().replace('_', " "),
        confidence * 100.0,
        checkpoint.seq,
        checkpoint.trigger.as_str().replace('_', " "),
        humantime::format_duration(age),
    );
    let conversation = &checkpoint.conversation;
    let _ = writeln!(out, "## Situation\n");
    let summary = if conversation.summary.is_empty() {
        "(no summary was recorded)"
    } else {
        &conversation.summary
    };
    let _ = writeln!(out, "{summary}\n");
    if !conversation.current_context.is_empty() {
        let _ = writeln!(out, "Working on: {}\n", conversation.current_context);
    }
    let task = &checkpoint.task;
    let _ = writeln!(out, "## Progress\n");
    if !task.operation.is_empty() || !task.phase.is_empty() {
        let _ = writeln!(
            out,
            "Task: {} — phase: {} ({:.0}% done)\n",
            if task.operation.is_empty() {
                "-"
            } else {
                &task.operation
            },
            if task.phase.is_empty() {
                "-"
            } else {
                &task.phase
            },
            task.progress * 100.0
        );
    }
    let _ = writeln!(out, "Done:\n{}", list(&task.completed_steps));
    let _ = writeln!(out, "## Decisions\n\n{}", list(&conversation.decisions));
    let _ = write!(out, "## Next steps\n\n");
    if task.next_steps.is_empty() {
        let _ = writeln!(out, "none recorded\n");
    } else {
        for (index, step) in task.next_steps.iter().enumerate() {
            let _ = writeln!(out, "{}. {step}", index + 1);
        }
        out.push('\n');
    }
    let then = &checkpoint.files;
    let _ = writeln!(
        out,
        "## Files\n\n| | at the checkpoint | now |\n|---|---|---|"
    );
    let _ = writeln!(out, "| branch | {} | {} |", where_(then), where_(files_now));
    let _ = writeln!(out, "| active | {} | |", join_or_dash(&then.active));
    let _ = writeln!(
        out,
        "| modified | {} | {} |",
        join_or_dash(&then.modified),
        join_or_dash(&files_now.modified)
    );
    let _ = writeln!(
        out,
        "| staged | {} | {} |",
        join_or_dash(&then.staged),
        join_or_dash(&files_now.staged)
    );
    let _ = writeln!(
        out,
        "| untracked | {} | {} |\n",
        join_or_dash(&then.untracked),
        join_or_dash(&files_now.untracked)
    );
    if !then.diff.is_empty() {
        let _ = writeln!(
            out,
            "Uncommitted diff at the checkpoint:\n\n```diff\n{}\n```\n",
            cut_bytes(then.diff.trim_end(), PROMPT_DIFF_BYTES)
        );
    }
    let _ = writeln!(out, "## Blockers\n\n{}", list(&task.blockers));
    if !checkpoint.tools.is_empty() {
        let _ = writeln!(out, "## Last tool calls\n");
        for call in checkpoint.tools.iter().rev().take(10).rev() {
            let mark = if call.ok { "ok" } else { "failed" };
            let _ = writeln!(
                out,
                "- {} ({mark}) {}",
                call.tool,
                call.arguments.replace('\n', " ")
            );
        }
        out.push('\n');
    }
    if !conversation.recent_messages.is_empty() {
        let _ = writeln!(
            out,
            "## Last messages\n\n{}",
            list(&conversation.recent_messages)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use shim_protocol::messages::{
        CheckpointTrigger, ConversationState, SignalSnapshot, TaskState, ToolCallRecord,
    };

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
            InterruptionReason::Crash,
            0.8,
            1_000_000 + 720_000,
            &now,
        );
        for needle in [
            "# Resuming an interrupted session",
            "likely crash, confidence 80%",
            "#3, taken on tool calls",
            "12m old",
            "## Situation",
            "Porting the parser to nom",
            "Working on: error recovery",
            "## Progress",
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
            "- Bash (failed) cargo test",
            "user: also handle tabs",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
    }
}
