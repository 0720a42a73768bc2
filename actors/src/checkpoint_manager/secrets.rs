//! Secrets out of a checkpoint before it reaches the store: every text it holds goes through
//! [`redact`](crate::redact), what the assistant sent before it is cut to the store's limits (a secret cut in
//! two is no longer recognized), the checkpoint as a whole again before it is written (tool calls, the diff,
//! what an automatic checkpoint carries forward).
//!
//! Not redacted: the chat and checkpoint ids (names in the store's keys and in subjects, checked to hold no
//! separators) and the project directory (the key resume looks chats up by).

use shim_protocol::messages::{Checkpoint, CheckpointInput};

use crate::redact::redact_in_place;

fn all(texts: &mut [String]) {
    for text in texts {
        redact_in_place(text);
    }
}

fn some(text_opt: &mut Option<String>) {
    if let Some(text) = text_opt {
        redact_in_place(text);
    }
}

/// Redacts what the assistant sent with an explicit checkpoint.
pub(super) fn redact_input(input: &mut CheckpointInput) {
    let CheckpointInput {
        summary,
        current_task,
        phase,
        progress: _,
        decisions,
        completed_steps,
        next_steps,
        blockers,
        active_files,
        recent_messages,
        current_context,
        reason,
    } = input;
    redact_in_place(summary);
    for text_opt in [current_task, phase, current_context, reason] {
        some(text_opt);
    }
    for texts in [
        decisions,
        completed_steps,
        next_steps,
        blockers,
        active_files,
        recent_messages,
    ] {
        all(texts);
    }
}

/// Redacts a checkpoint about to be stored.
pub(super) fn redact_checkpoint(checkpoint: &mut Checkpoint) {
    // Destructured field by field, so that a field added to a checkpoint does not compile until it is
    // decided here.
    let Checkpoint {
        checkpoint_id: _,
        chat_id: _,
        seq: _,
        created_at_ms: _,
        trigger: _,
        project_dir: _,
        conversation,
        task,
        files,
        tools,
        signals: _,
        reason,
    } = checkpoint;
    redact_in_place(&mut conversation.summary);
    redact_in_place(&mut conversation.current_context);
    all(&mut conversation.decisions);
    all(&mut conversation.recent_messages);
    redact_in_place(&mut task.operation);
    redact_in_place(&mut task.phase);
    all(&mut task.completed_steps);
    all(&mut task.next_steps);
    all(&mut task.blockers);
    redact_in_place(&mut files.diff);
    for paths in [
        &mut files.active,
        &mut files.modified,
        &mut files.staged,
        &mut files.untracked,
    ] {
        all(paths);
    }
    some(&mut files.branch);
    some(&mut files.head);
    for tool in tools {
        redact_in_place(&mut tool.tool);
        redact_in_place(&mut tool.arguments);
        redact_in_place(&mut tool.result);
    }
    some(reason);
}

#[cfg(test)]
mod tests {
    use shim_protocol::messages::{
        CheckpointTrigger, ConversationState, FileState, SignalSnapshot, TaskState, ToolCallRecord,
    };

    use super::*;

    const SECRET: &str = "hunter2hunter2";

    fn secret(index: usize) -> String {
        format!("item {index} password={SECRET}")
    }

    #[test]
    fn every_text_of_an_input_is_redacted() {
        let mut input = CheckpointInput {
            summary: secret(0),
            current_task: Some(secret(1)),
            phase: Some(secret(2)),
            progress: Some(0.5),
            decisions: vec![secret(3)],
            completed_steps: vec![secret(4)],
            next_steps: vec![secret(5)],
            blockers: vec![secret(6)],
            active_files: vec![secret(7)],
            recent_messages: vec![secret(8)],
            current_context: Some(secret(9)),
            reason: Some(secret(10)),
        };
        redact_input(&mut input);
        let text = serde_json::to_string(&input).expect("json");
        assert!(!text.contains(SECRET), "{text}");
        assert_eq!(text.matches("[redacted: password]").count(), 11, "{text}");
    }

    #[test]
    fn every_text_of_a_checkpoint_but_its_ids_and_project_is_redacted() {
        let mut checkpoint = Checkpoint {
            checkpoint_id: "chat:1".to_owned(),
            chat_id: "chat".to_owned(),
            seq: 1,
            created_at_ms: 1,
            trigger: CheckpointTrigger::Explicit,
            project_dir: Some("/home/ada/project".to_owned()),
            conversation: ConversationState {
                summary: secret(0),
                decisions: vec![secret(1)],
                current_context: secret(2),
                recent_messages: vec![secret(3)],
            },
            task: TaskState {
                operation: secret(4),
                phase: secret(5),
                progress: 0.5,
                completed_steps: vec![secret(6)],
                next_steps: vec![secret(7)],
                blockers: vec![secret(8)],
            },
            files: FileState {
                active: vec![secret(9)],
                modified: vec![secret(10)],
                staged: vec![secret(11)],
                untracked: vec![secret(12)],
                diff: format!("+DB_PASSWORD={SECRET}\n"),
                branch: Some(secret(13)),
                head: Some(secret(14)),
            },
            tools: vec![ToolCallRecord {
                tool: secret(15),
                ok: false,
                arguments: secret(16),
                result: secret(17),
                at_ms: 1,
            }],
            signals: SignalSnapshot::default(),
            reason: Some(secret(18)),
        };
        redact_checkpoint(&mut checkpoint);
        let text = serde_json::to_string(&checkpoint).expect("json");
        assert!(!text.contains(SECRET), "{text}");
        assert_eq!(text.matches("[redacted: password]").count(), 20, "{text}");
        assert_eq!(checkpoint.project_dir.as_deref(), Some("/home/ada/project"));
    }
}
