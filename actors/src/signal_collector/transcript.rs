//! Reading token use from a Claude Code session transcript (JSONL), incrementally: each read starts where
//! the last one stopped and consumes only whole lines. Unknown fields and malformed lines are skipped; the
//! format is internal to Claude Code and changes between versions.

use std::{
    fs::File,
    io::{BufRead, BufReader, Read, Seek, SeekFrom},
    path::Path,
};

use serde::Deserialize;

/// Most bytes read in one go, so a huge backlog cannot stall the node.
const MAX_READ: u64 = 8 * 1024 * 1024;

/// What the new part of a transcript says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TranscriptDelta {
    /// Where the next read starts.
    pub offset: u64,
    /// Tokens in the context at the latest assistant message: input plus cache reads and writes.
    pub tokens_used_opt: Option<u64>,
    /// User messages in the new part.
    pub user_messages: u64,
    /// Assistant messages in the new part.
    pub assistant_messages: u64,
    /// Lines that were not valid JSON.
    pub malformed_lines: u64,
}

#[derive(Deserialize)]
struct Line {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    message: Option<Message>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    usage: Option<Usage>,
}

#[derive(Deserialize)]
struct Usage {
    #[serde(default)]
    input_tokens: u64,
    #[serde(default)]
    cache_read_input_tokens: u64,
    #[serde(default)]
    cache_creation_input_tokens: u64,
}

/// Reads what was appended to `path` since `offset`. A file shorter than `offset` (rotated, rewritten)
/// is read from the start.
pub fn read_from(path: &Path, offset: u64) -> std::io::Result<TranscriptDelta> {
    let mut file = File::open(path)?;
    let len = file.metadata()?.len();
    let start = if len < offset { 0 } else { offset };
    file.seek(SeekFrom::Start(start))?;
    let mut reader = BufReader::new(file.take(MAX_READ));
    let mut delta = TranscriptDelta {
        offset: start,
        ..TranscriptDelta::default()
    };
    let mut line = Vec::new();
    loop {
        line.clear();
        let read = reader.read_until(b'\n', &mut line)?;
        if read == 0 || line.last() != Some(&b'\n') {
            // End of file, or a line still being written: leave it for the next read.
            break;
        }
        delta.offset += read as u64;
        let Ok(parsed) = serde_json::from_slice::<Line>(&line) else {
            if !line.iter().all(u8::is_ascii_whitespace) {
                delta.malformed_lines += 1;
            }
            continue;
        };
        let role = parsed
            .message
            .as_ref()
            .and_then(|message| message.role.as_deref())
            .or(parsed.kind.as_deref());
        match role {
            Some("user") => delta.user_messages += 1,
            Some("assistant") => delta.assistant_messages += 1,
            _ => {}
        }
        if let Some(usage) = parsed.message.and_then(|message| message.usage) {
            delta.tokens_used_opt = Some(
                usage.input_tokens
                    + usage.cache_read_input_tokens
                    + usage.cache_creation_input_tokens,
            );
        }
    }
    Ok(delta)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const USER: &str =
        r#"{"type":"user","message":{"role":"user","content":"fix the bug"},"uuid":"1"}"#;
    const ASSISTANT: &str = r#"{"type":"assistant","message":{"role":"assistant","model":"claude-sonnet-4","usage":{"input_tokens":12,"cache_read_input_tokens":40000,"cache_creation_input_tokens":3000,"output_tokens":500,"service_tier":"standard"}},"future_field":{"x":1}}"#;

    #[test]
    fn reads_usage_and_resumes_where_it_stopped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("session.jsonl");
        let mut file = File::create(&path).expect("create");
        writeln!(file, "{USER}\n{ASSISTANT}").expect("write");
        let first = read_from(&path, 0).expect("reads");
        assert_eq!(first.tokens_used_opt, Some(43_012));
        assert_eq!((first.user_messages, first.assistant_messages), (1, 1));
        assert_eq!(first.offset, std::fs::metadata(&path).expect("meta").len());

        // Nothing new: nothing read.
        let again = read_from(&path, first.offset).expect("reads");
        assert_eq!(
            (again.offset, again.tokens_used_opt, again.user_messages),
            (first.offset, None, 0)
        );

        // A malformed line and a half-written line: the first is skipped and counted, the second waits.
        write!(file, "{{not json\n{USER}\n{{\"type\":\"assistant\",\"mess").expect("write");
        let next = read_from(&path, first.offset).expect("reads");
        assert_eq!(next.malformed_lines, 1);
        assert_eq!(next.user_messages, 1);
        assert!(next.offset < std::fs::metadata(&path).expect("meta").len());
        writeln!(
            file,
            "age\":{{\"role\":\"assistant\",\"usage\":{{\"input_tokens\":9}}}}}}"
        )
        .expect("write");
        let last = read_from(&path, next.offset).expect("reads");
        assert_eq!(last.tokens_used_opt, Some(9));
        assert_eq!(last.assistant_messages, 1);
    }

    #[test]
    fn a_rewritten_shorter_file_is_read_from_the_start() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("session.jsonl");
        std::fs::write(&path, format!("{ASSISTANT}\n")).expect("write");
        let delta = read_from(&path, 1_000_000).expect("reads");
        assert_eq!(delta.tokens_used_opt, Some(43_012));
        assert!(read_from(&dir.path().join("missing.jsonl"), 0).is_err());
    }
}
