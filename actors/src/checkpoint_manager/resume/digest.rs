//! What a Claude Code session transcript says about the work, for a resume prompt: the user's requests in
//! order, the todo list as last written, files edited, commands run with their outcome, other tool calls
//! (repeats collapsed) and the assistant's last message.
//!
//! The transcript is JSONL: `user` and `assistant` lines carry a `message` whose `content` is a string or
//! blocks (`text`, `tool_use` with `name`, `input`, `id`; `tool_result` with `tool_use_id`, `content`,
//! `is_error`); `summary` lines carry a session title. Every other line type, unknown field or malformed
//! line is skipped: the format is internal to Claude Code and changes between versions. Each line is
//! redacted ([`redact_json`]) before anything is taken from it.

use std::{collections::HashMap, io::BufRead, path::Path};

use serde_json::Value;

use crate::{
    checkpoint_manager::limits::cut,
    redact::redact_json,
    signals::transcript::{TranscriptError, open_tail},
};

/// Longest request, todo, command or message text kept.
const TEXT_CHARS: usize = 600;
/// Longest error output kept for the last failing command.
const ERROR_CHARS: usize = 1_200;
/// Most requests, commands and tool calls kept while reading (the prompt keeps fewer).
const MAX_ITEMS: usize = 200;

/// A user's request.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// When, if the line said.
    pub at_ms_opt: Option<u64>,
    /// What the user asked.
    pub text: String,
}

/// One todo item as last written.
#[derive(Debug, Clone, PartialEq)]
pub struct Todo {
    /// What to do.
    pub content: String,
    /// `pending`, `in_progress` or `completed`.
    pub status: String,
}

/// A tool call and its outcome, repeats collapsed.
#[derive(Debug, Clone, PartialEq)]
pub struct ToolUse {
    /// The tool.
    pub tool: String,
    /// What it was called on (a command, a file, a pattern).
    pub target: String,
    /// How many calls had this tool and target.
    pub count: u32,
    /// How many of them failed.
    pub failures: u32,
    /// Whether the latest of them failed.
    pub last_failed: bool,
    /// The error of the latest failure, cut.
    pub error_opt: Option<String>,
}

/// What a transcript says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Digest {
    /// The session's title (`summary` lines).
    pub title_opt: Option<String>,
    /// The user's requests, oldest first.
    pub requests: Vec<Request>,
    /// Earlier requests dropped while reading (beyond 200).
    pub requests_dropped: usize,
    /// The todo list as last written (TodoWrite, or TaskCreate/TaskUpdate).
    pub todos: Vec<Todo>,
    /// Files the assistant changed (Edit, MultiEdit, Write, NotebookEdit), in order of last change.
    pub files_changed: Vec<String>,
    /// Shell commands (Bash), in order of last run, repeats collapsed.
    pub commands: Vec<ToolUse>,
    /// The last command that failed, with its error.
    pub last_failure_opt: Option<ToolUse>,
    /// Other tool calls, in order of last call, repeats collapsed.
    pub tools: Vec<ToolUse>,
    /// The assistant's last text.
    pub last_assistant_opt: Option<String>,
}

impl Digest {
    /// True when the transcript said nothing useful.
    pub fn is_empty(&self) -> bool {
        self.requests.is_empty()
            && self.todos.is_empty()
            && self.files_changed.is_empty()
            && self.commands.is_empty()
            && self.tools.is_empty()
            && self.last_assistant_opt.is_none()
    }
}

/// Reads the tail of a transcript (see [`open_tail`]: regular files of the node's user only, at most the
/// last 4 MB) into a digest.
pub fn read(path: &Path) -> Result<Digest, TranscriptError> {
    let (mut reader, _, mut partial) = open_tail(path, 0)?;
    let mut builder = Builder::default();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        if std::mem::take(&mut partial) {
            continue;
        }
        if let Ok(mut value) = serde_json::from_slice::<Value>(&line) {
            // Before the digest cuts its texts: a secret cut in two is no longer recognized.
            redact_json(&mut value);
            builder.line(&value);
        }
    }
    Ok(builder.finish())
}

/// Digests transcript text (whole JSONL), for tests and callers that hold it already.
pub fn parse(text: &str) -> Digest {
    let mut builder = Builder::default();
    for line in text.lines() {
        if let Ok(mut value) = serde_json::from_str::<Value>(line) {
            redact_json(&mut value);
            builder.line(&value);
        }
    }
    builder.finish()
}

#[derive(Debug, Default)]
struct Builder {
    digest: Digest,
    /// Pending tool calls by id: (tool, target).
    calls: HashMap<String, (String, String)>,
    /// The assistant message the last text belongs to, so a message split over lines is joined.
    last_message_id_opt: Option<String>,
    /// Task ids of TaskCreate, in order, to map TaskUpdate onto todos.
    task_ids: Vec<String>,
}

fn str_of<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    value.get(key).and_then(Value::as_str)
}

fn timestamp_ms(value: &Value) -> Option<u64> {
    let text = str_of(value, "timestamp")?;
    let time = humantime::parse_rfc3339_weak(text).ok()?;
    time.duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|since| since.as_millis() as u64)
}

/// The text of a tool result's content: a string, or text blocks.
fn result_text(content: Option<&Value>) -> String {
    match content {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Array(blocks)) => blocks
            .iter()
            .filter_map(|block| str_of(block, "text"))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

/// Cuts error output keeping its end, where the error usually is.
fn cut_tail(text: &str, max_chars: usize) -> String {
    let total = text.chars().count();
    if total <= max_chars {
        return text.to_owned();
    }
    let kept: String = text.chars().skip(total - max_chars).collect();
    format!("…[cut {} chars] {kept}", total - max_chars)
}

/// True for user text Claude Code writes itself: command echoes, caveats, interruptions.
fn generated(text: &str) -> bool {
    let text = text.trim_start();
    text.is_empty()
        || text.starts_with("<command-")
        || text.starts_with("<local-command")
        || text.starts_with("Caveat:")
        || text.starts_with("[Request interrupted")
        || text.starts_with("<system-reminder>")
}

fn target_of(tool: &str, input: &Value) -> String {
    let pick = |keys: &[&str]| {
        keys.iter()
            .find_map(|key| str_of(input, key))
            .map(str::to_owned)
    };
    let target = match tool {
        "Bash" => pick(&["command"]),
        "Edit" | "MultiEdit" | "Write" | "Read" | "NotebookEdit" => {
            pick(&["file_path", "notebook_path"])
        }
        "Grep" | "Glob" => pick(&["pattern"]),
        "WebFetch" => pick(&["url"]),
        "WebSearch" => pick(&["query"]),
        "Task" | "Agent" => pick(&["description"]),
        _ => None,
    };
    let target = target.unwrap_or_else(|| match input {
        Value::Null => String::new(),
        Value::Object(map) if map.is_empty() => String::new(),
        other => other.to_string(),
    });
    cut(&target.replace('\n', " "), TEXT_CHARS)
}

/// Moves an entry to the end of `list`, counting it: the list stays in order of last use, repeats
/// collapsed.
fn bump(list: &mut Vec<ToolUse>, tool: &str, target: &str) -> usize {
    if let Some(index) = list
        .iter()
        .position(|entry| entry.tool == tool && entry.target == target)
    {
        let mut entry = list.remove(index);
        entry.count += 1;
        list.push(entry);
    } else {
        if list.len() >= MAX_ITEMS {
            list.remove(0);
        }
        list.push(ToolUse {
            tool: tool.to_owned(),
            target: target.to_owned(),
            count: 1,
            failures: 0,
            last_failed: false,
            error_opt: None,
        });
    }
    list.len() - 1
}

impl Builder {
    fn line(&mut self, value: &Value) {
        match str_of(value, "type") {
            Some("summary") => {
                if let Some(summary) = str_of(value, "summary") {
                    self.digest.title_opt = Some(cut(summary, TEXT_CHARS));
                }
            }
            Some("user") => self.user(value),
            Some("assistant") => self.assistant(value),
            _ => {}
        }
    }

    fn user(&mut self, value: &Value) {
        // Text Claude Code adds itself (meta lines, the summary after a compaction) is not a request.
        let flag = |key: &str| value.get(key).and_then(Value::as_bool) == Some(true);
        if flag("isMeta") || flag("isCompactSummary") || flag("isSidechain") {
            return;
        }
        let Some(content) = value.pointer("/message/content") else {
            return;
        };
        let mut texts = Vec::new();
        match content {
            Value::String(text) => texts.push(text.as_str()),
            Value::Array(blocks) => {
                for block in blocks {
                    match str_of(block, "type") {
                        Some("text") => texts.extend(str_of(block, "text")),
                        Some("tool_result") => self.tool_result(block),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        let text = texts
            .into_iter()
            .filter(|text| !generated(text))
            .collect::<Vec<_>>()
            .join("\n");
        if !text.trim().is_empty() {
            if self.digest.requests.len() >= MAX_ITEMS {
                self.digest.requests.remove(0);
                self.digest.requests_dropped += 1;
            }
            self.digest.requests.push(Request {
                at_ms_opt: timestamp_ms(value),
                text: cut(text.trim(), TEXT_CHARS),
            });
        }
    }

    fn assistant(&mut self, value: &Value) {
        if value.get("isSidechain").and_then(Value::as_bool) == Some(true) {
            return;
        }
        let Some(Value::Array(blocks)) = value.pointer("/message/content") else {
            return;
        };
        let message_id_opt = value
            .pointer("/message/id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        for block in blocks {
            match str_of(block, "type") {
                Some("text") => {
                    let Some(text) = str_of(block, "text").filter(|text| !text.trim().is_empty())
                    else {
                        continue;
                    };
                    let same =
                        message_id_opt.is_some() && message_id_opt == self.last_message_id_opt;
                    let joined = match (&self.digest.last_assistant_opt, same) {
                        (Some(previous), true) => format!("{previous}\n{}", text.trim()),
                        _ => text.trim().to_owned(),
                    };
                    self.digest.last_assistant_opt = Some(cut(&joined, TEXT_CHARS * 2));
                    self.last_message_id_opt.clone_from(&message_id_opt);
                }
                Some("tool_use") => self.tool_use(block),
                _ => {}
            }
        }
    }

    fn tool_use(&mut self, block: &Value) {
        let tool = str_of(block, "name").unwrap_or("unknown").to_owned();
        let input = block.get("input").cloned().unwrap_or(Value::Null);
        match tool.as_str() {
            "TodoWrite" => {
                if let Some(Value::Array(todos)) = input.get("todos") {
                    self.digest.todos = todos
                        .iter()
                        .take(MAX_ITEMS)
                        .filter_map(|todo| {
                            Some(Todo {
                                content: cut(str_of(todo, "content")?, TEXT_CHARS),
                                status: str_of(todo, "status").unwrap_or("pending").to_owned(),
                            })
                        })
                        .collect();
                }
            }
            "TaskCreate" => {
                if let Some(subject) =
                    str_of(&input, "subject").filter(|_| self.digest.todos.len() < MAX_ITEMS)
                {
                    self.task_ids.push((self.task_ids.len() + 1).to_string());
                    self.digest.todos.push(Todo {
                        content: cut(subject, TEXT_CHARS),
                        status: "pending".to_owned(),
                    });
                }
            }
            "TaskUpdate" => {
                let id_opt = input.get("taskId").map(|id| match id {
                    Value::String(text) => text.clone(),
                    other => other.to_string(),
                });
                let index_opt =
                    id_opt.and_then(|id| self.task_ids.iter().position(|known| *known == id));
                if let (Some(index), Some(status)) = (index_opt, str_of(&input, "status"))
                    && let Some(todo) = self.digest.todos.get_mut(index)
                {
                    todo.status = status.to_owned();
                }
            }
            _ => {}
        }
        let target = target_of(&tool, &input);
        if matches!(
            tool.as_str(),
            "Edit" | "MultiEdit" | "Write" | "NotebookEdit"
        ) && !target.is_empty()
        {
            self.digest.files_changed.retain(|file| *file != target);
            if self.digest.files_changed.len() >= MAX_ITEMS {
                self.digest.files_changed.remove(0);
            }
            self.digest.files_changed.push(target.clone());
        }
        if !matches!(tool.as_str(), "TodoWrite" | "TaskCreate" | "TaskUpdate") {
            let list = if tool == "Bash" {
                &mut self.digest.commands
            } else {
                &mut self.digest.tools
            };
            bump(list, &tool, &target);
        }
        // Results are matched to calls by id; a transcript of calls without results cannot grow this
        // without bound.
        if let Some(id) = str_of(block, "id")
            && self.calls.len() < 10 * MAX_ITEMS
        {
            self.calls.insert(id.to_owned(), (tool, target));
        }
    }

    fn tool_result(&mut self, block: &Value) {
        let Some((tool, target)) =
            str_of(block, "tool_use_id").and_then(|id| self.calls.remove(id))
        else {
            return;
        };
        let text = result_text(block.get("content"));
        let failed = block.get("is_error").and_then(Value::as_bool) == Some(true)
            || text
                .strip_prefix("Exit code ")
                .and_then(|rest| rest.split_whitespace().next())
                .is_some_and(|code| code != "0");
        let list = if tool == "Bash" {
            &mut self.digest.commands
        } else {
            &mut self.digest.tools
        };
        let Some(entry) = list
            .iter_mut()
            .find(|entry| entry.tool == tool && entry.target == target)
        else {
            return;
        };
        entry.last_failed = failed;
        if failed {
            entry.failures += 1;
            entry.error_opt = Some(cut_tail(text.trim(), ERROR_CHARS));
            if tool == "Bash" {
                self.digest.last_failure_opt = Some(entry.clone());
            }
        }
    }

    fn finish(self) -> Digest {
        self.digest
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_lines_and_fields_are_skipped_and_repeats_collapse() {
        let text = [
            r#"{"type":"summary","summary":"Parser port","leafUuid":"x"}"#,
            r#"{"type":"file-history-snapshot","snapshot":{}}"#,
            r#"not json at all"#,
            r#"{"type":"user","message":{"role":"user","content":"port the parser"},"timestamp":"2025-11-20T10:00:00.000Z","someNewField":1}"#,
            r#"{"type":"user","isMeta":true,"message":{"role":"user","content":"Caveat: generated"}}"#,
            r#"{"type":"assistant","message":{"id":"m1","role":"assistant","content":[{"type":"tool_use","id":"t1","name":"Edit","input":{"file_path":"/p/a.rs"}}]}}"#,
            r#"{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"}]}}"#,
            r#"{"type":"assistant","message":{"id":"m2","role":"assistant","content":[{"type":"tool_use","id":"t2","name":"Edit","input":{"file_path":"/p/a.rs"}}]}}"#,
            r#"{"type":"assistant","message":{"id":"m3","role":"assistant","content":[{"type":"tool_use","id":"t3","name":"Bash","input":{"command":"cargo test"}}]}}"#,
            r#"{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t3","content":"Exit code 101\nerror[E0308]: mismatched types","is_error":true}]}}"#,
            r#"{"type":"assistant","message":{"id":"m4","role":"assistant","content":[{"type":"text","text":"The build fails"}]}}"#,
            r#"{"type":"assistant","message":{"id":"m4","role":"assistant","content":[{"type":"text","text":"on a type mismatch."}]}}"#,
            r#"{"type":"system","subtype":"compact_boundary"}"#,
        ]
        .join("\n");
        let digest = parse(&text);
        assert_eq!(digest.title_opt.as_deref(), Some("Parser port"));
        assert_eq!(digest.requests.len(), 1);
        assert_eq!(digest.requests[0].text, "port the parser");
        assert!(digest.requests[0].at_ms_opt.is_some());
        assert_eq!(digest.files_changed, ["/p/a.rs"]);
        assert_eq!(digest.tools.len(), 1);
        assert_eq!(digest.tools[0].count, 2);
        let failure = digest.last_failure_opt.expect("a failure");
        assert_eq!(failure.target, "cargo test");
        assert!(
            failure
                .error_opt
                .is_some_and(|error| error.contains("E0308"))
        );
        assert_eq!(
            digest.last_assistant_opt.as_deref(),
            Some("The build fails\non a type mismatch.")
        );
    }
}
