//! Size limits of checkpoint fields. Oversized fields are cut with a marker, never rejected.

use shim_protocol::messages::{CheckpointInput, ConversationState, TaskState};

/// Longest summary, in characters.
pub const SUMMARY_CHARS: usize = 1_000;
/// Longest current context, in characters.
pub const CURRENT_CONTEXT_CHARS: usize = 500;
/// Most key decisions kept.
pub const DECISIONS: usize = 50;
/// Most recent messages kept, and the longest of each.
pub const RECENT_MESSAGES: usize = 20;
/// Longest recent message, tool argument or tool result, in characters.
pub const ITEM_CHARS: usize = 500;
/// Most completed steps kept.
pub const COMPLETED_STEPS: usize = 100;
/// Most next steps kept.
pub const NEXT_STEPS: usize = 20;
/// Most blockers kept.
pub const BLOCKERS: usize = 10;
/// Most active files kept.
pub const ACTIVE_FILES: usize = 100;
/// Most staged, modified and untracked files kept, each list (a monorepo with a quarter of a million changed
/// files once made checkpoints too large to store).
pub const GIT_FILES: usize = 200;
/// Longest uncommitted diff, in bytes.
pub const DIFF_BYTES: usize = 10 * 1024;
/// Tool calls kept in a checkpoint.
pub const TOOL_CALLS: usize = 20;

/// Cuts `text` to at most `max_chars` characters, ending it with a marker that says how much was cut.
pub fn cut(text: &str, max_chars: usize) -> String {
    let total = text.chars().count();
    if total <= max_chars {
        return text.to_owned();
    }
    let marker = format!(" …[cut {} chars]", total - max_chars);
    let keep = max_chars.saturating_sub(marker.chars().count());
    let mut out: String = text.chars().take(keep).collect();
    out.push_str(&marker);
    out
}

/// Cuts `text` to at most `max_bytes` bytes on a character boundary, with a marker.
pub fn cut_bytes(text: &str, max_bytes: usize) -> String {
    if text.len() <= max_bytes {
        return text.to_owned();
    }
    let marker = format!("\n…[cut {} bytes]", text.len() - max_bytes);
    let mut end = max_bytes.saturating_sub(marker.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}{marker}", &text[..end])
}

/// Keeps the last `max_items` items (the most recent), each cut to `item_chars`; a first item says how
/// many older ones were dropped.
pub fn keep_last(items: &[String], max_items: usize, item_chars: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(items.len().min(max_items));
    let skip = items.len().saturating_sub(max_items);
    if skip > 0 && max_items > 0 {
        out.push(format!("…[{} earlier items cut]", skip + 1));
        out.extend(items[skip + 1..].iter().map(|item| cut(item, item_chars)));
    } else {
        out.extend(items.iter().map(|item| cut(item, item_chars)));
    }
    out
}

/// Keeps the first `max_items` items (the most important first), each cut to `item_chars`; a last item
/// says how many were dropped.
pub fn keep_first(items: &[String], max_items: usize, item_chars: usize) -> Vec<String> {
    if items.len() <= max_items {
        return items.iter().map(|item| cut(item, item_chars)).collect();
    }
    let kept = max_items.saturating_sub(1);
    let mut out: Vec<String> = items[..kept]
        .iter()
        .map(|item| cut(item, item_chars))
        .collect();
    out.push(format!("…[{} more items cut]", items.len() - kept));
    out
}

/// Applies every limit to a caller's checkpoint input.
pub fn conversation_and_task(input: &CheckpointInput) -> (ConversationState, TaskState) {
    let conversation = ConversationState {
        summary: cut(&input.summary, SUMMARY_CHARS),
        decisions: keep_last(&input.decisions, DECISIONS, ITEM_CHARS),
        current_context: cut(
            input.current_context.as_deref().unwrap_or_default(),
            CURRENT_CONTEXT_CHARS,
        ),
        recent_messages: keep_last(&input.recent_messages, RECENT_MESSAGES, ITEM_CHARS),
    };
    let task = TaskState {
        operation: cut(
            input.current_task.as_deref().unwrap_or_default(),
            ITEM_CHARS,
        ),
        phase: cut(input.phase.as_deref().unwrap_or_default(), ITEM_CHARS),
        progress: input
            .progress
            .filter(|progress| progress.is_finite())
            .unwrap_or(0.0)
            .clamp(0.0, 1.0),
        completed_steps: keep_last(&input.completed_steps, COMPLETED_STEPS, ITEM_CHARS),
        next_steps: keep_first(&input.next_steps, NEXT_STEPS, ITEM_CHARS),
        blockers: keep_first(&input.blockers, BLOCKERS, ITEM_CHARS),
    };
    (conversation, task)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_untouched_and_long_text_is_cut_with_a_marker() {
        assert_eq!(cut("hello", 5), "hello");
        let long = "é".repeat(1_200);
        let out = cut(&long, SUMMARY_CHARS);
        assert_eq!(out.chars().count(), SUMMARY_CHARS);
        assert!(out.ends_with("…[cut 200 chars]"), "{out}");
        let diff = "x".repeat(20_000);
        let out = cut_bytes(&diff, DIFF_BYTES);
        assert!(out.len() <= DIFF_BYTES);
        assert!(
            out.ends_with("…[cut 9760 bytes]"),
            "{}",
            &out[out.len() - 30..]
        );
        let multibyte = "ü".repeat(6_000);
        assert!(cut_bytes(&multibyte, DIFF_BYTES).len() <= DIFF_BYTES);
    }

    #[test]
    fn lists_keep_their_limit_and_say_what_was_cut() {
        let items: Vec<String> = (0..60).map(|index| format!("decision {index}")).collect();
        let kept = keep_last(&items, DECISIONS, ITEM_CHARS);
        assert_eq!(kept.len(), DECISIONS);
        assert_eq!(kept[0], "…[11 earlier items cut]");
        assert_eq!(kept.last().map(String::as_str), Some("decision 59"));
        let kept = keep_first(&items, NEXT_STEPS, ITEM_CHARS);
        assert_eq!(kept.len(), NEXT_STEPS);
        assert_eq!(kept[0], "decision 0");
        assert_eq!(
            kept.last().map(String::as_str),
            Some("…[41 more items cut]")
        );
        assert_eq!(keep_first(&items[..3], 20, ITEM_CHARS).len(), 3);
    }

    #[test]
    fn input_is_bounded_field_by_field() {
        let input = CheckpointInput {
            summary: "s".repeat(5_000),
            progress: Some(7.0),
            blockers: (0..30).map(|index| index.to_string()).collect(),
            recent_messages: vec!["m".repeat(2_000)],
            current_context: Some("c".repeat(900)),
            ..CheckpointInput::default()
        };
        let (conversation, task) = conversation_and_task(&input);
        assert_eq!(conversation.summary.chars().count(), SUMMARY_CHARS);
        assert_eq!(
            conversation.current_context.chars().count(),
            CURRENT_CONTEXT_CHARS
        );
        assert_eq!(conversation.recent_messages[0].chars().count(), ITEM_CHARS);
        assert_eq!(task.blockers.len(), BLOCKERS);
        assert!((task.progress - 1.0).abs() < f64::EPSILON);
        let nan = CheckpointInput {
            progress: Some(f64::NAN),
            ..CheckpointInput::default()
        };
        assert_eq!(conversation_and_task(&nan).1.progress, 0.0);
    }
}
