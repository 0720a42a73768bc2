//! The pieces of a resume prompt: requests merged from the transcript and the hooks, tool calls with
//! repeats collapsed, commands from the hooks' calls, a diff split per file.

use shim_protocol::messages::{FileState, ToolCallRecord};

use super::{Since, digest::ToolUse};
use crate::checkpoint_manager::limits::{cut, cut_bytes};

/// Longest item of a list in the table of files.
const FILES_CELL_CHARS: usize = 200;

/// Most diff bytes quoted per file, before the budget cuts whole files.
const FILE_DIFF_BYTES: usize = 1_500;

pub(super) fn join_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_owned()
    } else {
        cut(&items.join(", "), FILES_CELL_CHARS)
    }
}

pub(super) fn where_(files: &FileState) -> String {
    match (&files.branch, &files.head) {
        (Some(branch), Some(head)) => format!("{branch} @ {head}"),
        (Some(branch), None) => branch.clone(),
        (None, Some(head)) => head.clone(),
        (None, None) => "-".to_owned(),
    }
}

pub(super) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The user's requests in order: the transcript's, and the hook's prompts it does not have yet (a crash
/// can come before the transcript is written), placed by time.
pub(super) fn requests(since: &Since) -> Vec<(Option<u64>, String)> {
    let mut merged: Vec<(Option<u64>, String)> = since
        .digest_opt
        .iter()
        .flat_map(|digest| &digest.requests)
        .map(|request| (request.at_ms_opt, request.text.clone()))
        .collect();
    for prompt in &since.prompts {
        let text = prompt.text.trim();
        let known = merged
            .iter()
            .any(|(_, request)| one_line(request) == one_line(text));
        if !known && !text.is_empty() {
            let index = merged
                .iter()
                .position(|(at_opt, _)| at_opt.is_some_and(|at| at > prompt.at_ms))
                .unwrap_or(merged.len());
            merged.insert(index, (Some(prompt.at_ms), text.to_owned()));
        }
    }
    merged
}

pub(super) fn tool_line(tool: &ToolUse, with_tool: bool) -> String {
    let mut line = if with_tool {
        format!("- {} {}", tool.tool, tool.target)
    } else {
        format!("- `{}`", tool.target)
    };
    if tool.count > 1 {
        line.push_str(&format!(" ×{}", tool.count));
    }
    match (tool.failures, tool.last_failed) {
        (0, _) => {}
        (_, true) if tool.count == 1 => line.push_str(" (failed)"),
        (failures, true) => line.push_str(&format!(" ({failures} failed, the last too)")),
        (failures, false) => line.push_str(&format!(" ({failures} failed, the last succeeded)")),
    }
    line.push('\n');
    line
}

/// The checkpoint's tool calls, repeats collapsed, in order of last call.
pub(super) fn checkpoint_tools(tools: &[ToolCallRecord]) -> Vec<String> {
    let mut collapsed: Vec<(String, String, u32, u32, bool)> = Vec::new();
    for call in tools {
        let arguments = one_line(&call.arguments);
        if let Some(index) = collapsed
            .iter()
            .position(|(tool, args, ..)| *tool == call.tool && *args == arguments)
        {
            let mut entry = collapsed.remove(index);
            entry.2 += 1;
            entry.3 += u32::from(!call.ok);
            entry.4 = !call.ok;
            collapsed.push(entry);
        } else {
            collapsed.push((
                call.tool.clone(),
                arguments,
                1,
                u32::from(!call.ok),
                !call.ok,
            ));
        }
    }
    collapsed
        .into_iter()
        .map(|(tool, arguments, count, failures, last_failed)| {
            let mark = if last_failed { "failed" } else { "ok" };
            let times = if count > 1 {
                format!(" ×{count}")
            } else {
                String::new()
            };
            let failed = if failures > 0 && count > 1 {
                format!(", {failures} failed")
            } else {
                String::new()
            };
            format!("- {tool} ({mark}{failed}) {arguments}{times}\n")
        })
        .collect()
}

/// The command of a Bash call as a hook reported it: `tool_input` as JSON (cut, so perhaps not parseable).
pub(super) fn hook_command(arguments: &str) -> String {
    serde_json::from_str::<serde_json::Value>(arguments)
        .ok()
        .and_then(|input| input.get("command")?.as_str().map(str::to_owned))
        .unwrap_or_else(|| arguments.to_owned())
}

/// Commands and their last failure from the hooks' tool calls, for a chat without a transcript.
pub(super) fn hook_commands(tools: &[ToolCallRecord]) -> (Vec<ToolUse>, Option<ToolUse>) {
    let mut commands: Vec<ToolUse> = Vec::new();
    let mut last_failure_opt = None;
    for call in tools.iter().filter(|call| call.tool == "Bash") {
        let target = one_line(&hook_command(&call.arguments));
        let mut entry = match commands.iter().position(|entry| entry.target == target) {
            Some(index) => commands.remove(index),
            None => ToolUse {
                tool: call.tool.clone(),
                target,
                count: 0,
                failures: 0,
                last_failed: false,
                error_opt: None,
            },
        };
        entry.count += 1;
        entry.last_failed = !call.ok;
        if !call.ok {
            entry.failures += 1;
            entry.error_opt = Some(call.result.clone()).filter(|result| !result.is_empty());
            last_failure_opt = Some(entry.clone());
        }
        commands.push(entry);
    }
    (commands, last_failure_opt)
}

/// Splits a diff into one part per file, each cut to [`FILE_DIFF_BYTES`].
pub(super) fn diff_parts(diff: &str) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for line in diff.trim_end().lines() {
        if line.starts_with("diff --git") || parts.is_empty() {
            parts.push(String::new());
        }
        if let Some(part) = parts.last_mut() {
            part.push_str(line);
            part.push('\n');
        }
    }
    parts
        .into_iter()
        .map(|part| {
            let mut part = cut_bytes(&part, FILE_DIFF_BYTES);
            if !part.ends_with('\n') {
                part.push('\n');
            }
            part
        })
        .collect()
}
