//! Resuming an interrupted session: why it ended, and the Markdown prompt that hands its last checkpoint
//! to the next session.

mod budget;
pub mod digest;
pub(super) mod gather;
mod parts;

use std::{
    fmt::Write,
    time::{Duration, SystemTime},
};

use shim_protocol::messages::{
    Checkpoint, FileState, Interruption, InterruptionReason, ToolCallRecord,
};

use super::{
    limits::cut,
    store::{ChatRecord, LastActivity, RecordedPrompt, Seal},
};
use budget::{CutFrom, Section};
use digest::Digest;
use parts::{
    checkpoint_tools, diff_parts, hook_commands, join_or_dash, one_line, requests, tool_line,
    where_,
};

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

/// Why an interrupted session stopped, as its resume says it: what recovery recorded when it found the chat
/// interrupted (its seal), else a guess from the session's last activity ([`classify`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Cause {
    /// The reason.
    pub reason: InterruptionReason,
    /// Confidence in the reason, 0..1: 1 when recorded.
    pub confidence: f64,
    /// The seal recovery wrote, when it found the chat interrupted.
    pub recorded_opt: Option<Seal>,
}

impl Cause {
    /// A guess from the session's last activity, with its confidence.
    pub fn guessed(reason: InterruptionReason, confidence: f64) -> Self {
        Self {
            reason,
            confidence,
            recorded_opt: None,
        }
    }

    /// What recovery recorded: certain.
    pub fn recorded(seal: Seal) -> Self {
        let (reason, _) = recorded_meaning(&seal.detected);
        Self {
            reason,
            confidence: 1.0,
            recorded_opt: Some(seal),
        }
    }

    /// The recorded interruption when there is one (`seal_opt`), else the guess from `record`.
    pub fn of(
        record: &ChatRecord,
        seal_opt: Option<Seal>,
        now_ms: u64,
        idle_timeout_ms: u64,
    ) -> Self {
        match seal_opt {
            Some(seal) => Self::recorded(seal),
            None => {
                let (reason, confidence) = classify(record, now_ms, idle_timeout_ms);
                Self::guessed(reason, confidence)
            }
        }
    }

    /// In words, for the prompt's first sentence: `": the session's process exited, … (found by recovery at
    /// 2026-12-04 03:14 UTC)"` when recorded, else `" (likely crash, confidence 75%)"`.
    fn words(&self) -> String {
        match &self.recorded_opt {
            Some(seal) => {
                let how = match recorded_meaning(&seal.detected) {
                    (_, Some(how)) => how.to_owned(),
                    (_, None) => seal.detected.replace('_', " "),
                };
                // Minutes are enough: `2026-12-04 03:14 UTC`.
                let at = humantime::format_rfc3339_seconds(
                    SystemTime::UNIX_EPOCH + Duration::from_millis(seal.at_ms),
                )
                .to_string()
                .replacen('T', " ", 1);
                let at = at.get(..16).unwrap_or(&at);
                format!(": {how} (found by recovery at {at} UTC)")
            }
            None => format!(
                " (likely {}, confidence {:.0}%)",
                self.reason.as_str().replace('_', " "),
                self.confidence * 100.0
            ),
        }
    }
}

/// What recovery's `detected` means: the reason, and how the prompt says it (`None`: a way of finding it this
/// release does not know, named as it is).
fn recorded_meaning(detected: &str) -> (InterruptionReason, Option<&'static str>) {
    match detected {
        // Killed or crashed, without ending its session.
        Interruption::PROCESS_EXITED => (
            InterruptionReason::Crash,
            Some("the session's process exited, killed or crashed"),
        ),
        Interruption::HEARTBEAT_TIMEOUT => (
            InterruptionReason::Timeout,
            Some("the session fell silent, no heartbeat for the away time"),
        ),
        _ => (InterruptionReason::Unknown, None),
    }
}

/// Most bytes of a resume prompt: sections over it lose their oldest (or least important) items first.
pub const PROMPT_BUDGET: usize = 8 * 1024;
/// Longest request quoted.
const REQUEST_CHARS: usize = 300;

/// What happened since the checkpoint, read when the resume is built: the session's transcript and the
/// prompts its hooks reported.
#[derive(Debug, Clone, Default)]
pub struct Since {
    /// What the transcript says, if it could be read.
    pub digest_opt: Option<Digest>,
    /// The user's prompts as the UserPromptSubmit hook reported them.
    pub prompts: Vec<RecordedPrompt>,
    /// The chat's latest tool calls as its hooks reported them, when the node still holds them (newer
    /// than the checkpoint's); used when there is no transcript.
    pub recent_tools: Vec<ToolCallRecord>,
}

/// Builds the resume prompt, within [`PROMPT_BUDGET`] bytes, from the interrupted chat's last checkpoint,
/// why it stopped (`cause`: recorded by recovery, or guessed), what happened since (`since`: its transcript
/// and hook prompts, read now) and the project's files now.
pub fn prompt(
    checkpoint: &Checkpoint,
    cause: &Cause,
    now_ms: u64,
    files_now: &FileState,
    since: &Since,
) -> String {
    let age = Duration::from_secs(now_ms.saturating_sub(checkpoint.created_at_ms) / 1000);
    let project = checkpoint.project_dir.as_deref().unwrap_or("this project");
    let empty = Digest::default();
    let digest = since.digest_opt.as_ref().unwrap_or(&empty);
    let conversation = &checkpoint.conversation;
    let task = &checkpoint.task;
    let mut sections = Vec::new();

    let mut head = String::from("# Resuming an interrupted session\n\n");
    let _ = writeln!(
        head,
        "The previous session in `{project}` ended without a clean exit{}. \
         Its last checkpoint (#{}, taken on {}) is {} old{}. Continue from it: check the files below against \
         what it says, then carry on where it stopped.\n",
        cause.words(),
        checkpoint.seq,
        checkpoint.trigger.as_str().replace('_', " "),
        humantime::format_duration(age),
        if digest.is_empty() {
            ""
        } else {
            "; what happened since comes from the session's transcript, read now"
        },
    );
    sections.push(Section::text(None, head));

    let mut situation = String::new();
    let summary_opt = Some(conversation.summary.as_str())
        .filter(|summary| !summary.is_empty())
        .or(digest.title_opt.as_deref());
    match summary_opt {
        Some(summary) => {
            let _ = writeln!(situation, "{summary}\n");
        }
        None if digest.is_empty() && since.prompts.is_empty() => {
            let _ = writeln!(situation, "(no summary was recorded)\n");
        }
        None => {}
    }
    if !conversation.current_context.is_empty() {
        let _ = writeln!(situation, "Working on: {}\n", conversation.current_context);
    }
    if !task.operation.is_empty() || !task.phase.is_empty() {
        let dash = |text: &str| {
            if text.is_empty() {
                "-".to_owned()
            } else {
                text.to_owned()
            }
        };
        let _ = writeln!(
            situation,
            "Task: {} — phase: {} ({:.0}% done)\n",
            dash(&task.operation),
            dash(&task.phase),
            task.progress * 100.0
        );
    }
    if !situation.is_empty() {
        sections.push(Section::text(Some("Situation"), situation));
    }

    let requests = requests(since);
    if !requests.is_empty() {
        let last = requests.len() - 1;
        let items = requests
            .iter()
            .enumerate()
            .map(|(index, (at_opt, text))| {
                let note = if index == last
                    && at_opt.is_some_and(|at| at > checkpoint.created_at_ms)
                    && cause.reason == InterruptionReason::Crash
                {
                    " ← after the checkpoint; the turn it started was interrupted"
                } else {
                    ""
                };
                format!(
                    "{}. {}{note}\n",
                    index + 1 + digest.requests_dropped,
                    cut(&one_line(text), REQUEST_CHARS)
                )
            })
            .collect();
        sections.push(Section::list(
            Some("What the user asked, in order"),
            String::new(),
            items,
            CutFrom::Oldest,
            1,
            9,
        ));
    }

    if !digest.todos.is_empty() {
        let items = digest
            .todos
            .iter()
            .map(|todo| {
                let mark = match todo.status.as_str() {
                    "completed" => "[x]",
                    "in_progress" => "[~]",
                    _ => "[ ]",
                };
                format!("- {mark} {}\n", one_line(&todo.content))
            })
            .collect();
        sections.push(Section::list(
            Some("Todo list, as last written"),
            String::new(),
            items,
            CutFrom::Oldest,
            1,
            8,
        ));
    }
    if !task.completed_steps.is_empty() {
        let items = task
            .completed_steps
            .iter()
            .map(|step| format!("- {step}\n"))
            .collect();
        sections.push(Section::list(
            Some("Done"),
            String::new(),
            items,
            CutFrom::Oldest,
            1,
            5,
        ));
    }
    if !conversation.decisions.is_empty() {
        let items = conversation
            .decisions
            .iter()
            .map(|item| format!("- {item}\n"))
            .collect();
        sections.push(Section::list(
            Some("Decisions"),
            String::new(),
            items,
            CutFrom::Oldest,
            1,
            4,
        ));
    }
    if !task.next_steps.is_empty() {
        let items = task
            .next_steps
            .iter()
            .enumerate()
            .map(|(index, step)| format!("{}. {step}\n", index + 1))
            .collect();
        sections.push(Section::list(
            Some("Next steps"),
            String::new(),
            items,
            CutFrom::Newest,
            1,
            7,
        ));
    }

    let then = &checkpoint.files;
    let mut table = String::from("| | at the checkpoint | now |\n|---|---|---|\n");
    let _ = writeln!(
        table,
        "| branch | {} | {} |",
        where_(then),
        where_(files_now)
    );
    let _ = writeln!(table, "| active | {} | |", join_or_dash(&then.active));
    for (name, at, now) in [
        ("modified", &then.modified, &files_now.modified),
        ("staged", &then.staged, &files_now.staged),
        ("untracked", &then.untracked, &files_now.untracked),
    ] {
        let _ = writeln!(
            table,
            "| {name} | {} | {} |",
            join_or_dash(at),
            join_or_dash(now)
        );
    }
    table.push('\n');
    if !digest.files_changed.is_empty() {
        let _ = writeln!(
            table,
            "Changed by the assistant in the session (Edit, Write): {}\n",
            join_or_dash(&digest.files_changed)
        );
    }
    sections.push(Section::text(Some("Files"), table));
    let (diff, when) = if files_now.diff.is_empty() {
        (&then.diff, "at the checkpoint")
    } else {
        (&files_now.diff, "now")
    };
    if !diff.is_empty() {
        sections.push(
            Section::list(
                Some(&format!("Uncommitted diff {when}")),
                "```diff\n".to_owned(),
                diff_parts(diff),
                CutFrom::Newest,
                1,
                5,
            )
            .with_outro("```\n".to_owned()),
        );
    }

    // Without a transcript, the hooks' tool calls say which commands ran: the node's latest if it still
    // holds them, else the checkpoint's.
    let hook_tools = if since.recent_tools.is_empty() {
        &checkpoint.tools
    } else {
        &since.recent_tools
    };
    let from_transcript = !digest.commands.is_empty() || !digest.tools.is_empty();
    let (commands, last_failure_opt) = if from_transcript {
        (digest.commands.clone(), digest.last_failure_opt.clone())
    } else {
        hook_commands(hook_tools)
    };
    if !commands.is_empty() {
        let items = commands
            .iter()
            .map(|command| tool_line(command, false))
            .collect();
        sections.push(Section::list(
            Some("Commands run (latest last)"),
            String::new(),
            items,
            CutFrom::Oldest,
            1,
            6,
        ));
    }
    if let Some(failure) = &last_failure_opt {
        let later_ok = commands
            .iter()
            .any(|command| command.target == failure.target && !command.last_failed);
        let mut text = format!("`{}`", failure.target);
        if later_ok {
            text.push_str(" (a later run succeeded)");
        }
        let _ = writeln!(
            text,
            "\n\n```\n{}\n```\n",
            failure.error_opt.as_deref().unwrap_or("(no output)")
        );
        sections.push(Section::text(Some("Last failing command"), text));
    }
    if !task.blockers.is_empty() {
        let items = task
            .blockers
            .iter()
            .map(|item| format!("- {item}\n"))
            .collect();
        sections.push(Section::list(
            Some("Blockers"),
            String::new(),
            items,
            CutFrom::Oldest,
            1,
            7,
        ));
    }
    let tools: Vec<String> = if from_transcript {
        digest
            .tools
            .iter()
            .map(|tool| tool_line(tool, true))
            .collect()
    } else {
        let others: Vec<ToolCallRecord> = hook_tools
            .iter()
            .filter(|call| call.tool != "Bash")
            .cloned()
            .collect();
        checkpoint_tools(&others)
    };
    if !tools.is_empty() {
        sections.push(Section::list(
            Some("Last tool calls (repeats collapsed, latest last)"),
            String::new(),
            tools,
            CutFrom::Oldest,
            0,
            2,
        ));
    }
    if !conversation.recent_messages.is_empty() {
        let items = conversation
            .recent_messages
            .iter()
            .map(|item| format!("- {item}\n"))
            .collect();
        sections.push(Section::list(
            Some("Last messages"),
            String::new(),
            items,
            CutFrom::Oldest,
            0,
            3,
        ));
    }
    if let Some(message) = &digest.last_assistant_opt {
        sections.push(Section::text(
            Some("The assistant's last message"),
            format!("{}\n", cut(message, 1_200)),
        ));
    }
    // Its parts come from the checkpoint (redacted when stored), the transcript and the diff (redacted as
    // read) and the live chat: once more as a whole, so that nothing quoted from anywhere holds a secret.
    crate::redact::redact(&budget::fit(sections, PROMPT_BUDGET)).into_owned()
}

#[cfg(test)]
mod tests;
