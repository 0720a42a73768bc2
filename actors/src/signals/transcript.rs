//! Reading token use from a Claude Code session transcript (JSONL), incrementally: each read starts where
//! the last one stopped and consumes only whole lines. Unknown fields and malformed lines are skipped; the
//! format is internal to Claude Code and changes between versions.
//!
//! A transcript path comes from a hook payload, so it is only followed when it names a regular file owned
//! by the user the node runs as ([`open_checked`]): never a FIFO (whose open would block a thread for
//! ever), a device (`/dev/zero` never ends) or someone else's file. A read covers at most the last
//! [`MAX_TAIL`] bytes of what is new.

use std::{
    fs::{File, OpenOptions},
    io::{BufRead, BufReader, Read, Seek, SeekFrom},
    os::unix::fs::{MetadataExt, OpenOptionsExt},
    path::Path,
};

use serde::Deserialize;

/// Most bytes one read looks at: of a longer backlog only the last 4 MB are read (token use is in the
/// latest assistant message), so a huge file cannot stall the node or grow its memory.
pub const MAX_TAIL: u64 = 4 * 1024 * 1024;

/// Most blocking transcript reads running at once, node-wide.
pub const MAX_CONCURRENT_READS: usize = 4;

/// Why a transcript is not read.
#[derive(Debug, thiserror::Error)]
pub enum TranscriptError {
    /// Not a regular file (a FIFO, a device, a directory, a socket).
    #[error("transcript is not a regular file: {path}")]
    NotRegular {
        /// The path.
        path: String,
    },
    /// Owned by another user than the one the node runs as.
    #[error("transcript is owned by uid {owner}, not by the node's uid {node}: {path}")]
    NotOwned {
        /// The path.
        path: String,
        /// Its owner.
        owner: u32,
        /// The node's effective uid.
        node: u32,
    },
    /// The file could not be opened or read.
    #[error("transcript unreadable: {0}")]
    Io(#[from] std::io::Error),
}

fn check(path: &Path, metadata: &std::fs::Metadata) -> Result<(), TranscriptError> {
    if !metadata.file_type().is_file() {
        return Err(TranscriptError::NotRegular {
            path: path.display().to_string(),
        });
    }
    let node = nix::unistd::geteuid().as_raw();
    if metadata.uid() != node {
        return Err(TranscriptError::NotOwned {
            path: path.display().to_string(),
            owner: metadata.uid(),
            node,
        });
    }
    Ok(())
}

/// Opens a transcript only if it is a regular file owned by the node's user. The type and owner are
/// checked before opening (so a FIFO or a device is never opened), the open itself cannot block
/// (`O_NONBLOCK`, no controlling tty), and the opened file is checked again, so a path swapped in between
/// is refused too.
pub fn open_checked(path: &Path) -> Result<File, TranscriptError> {
    check(path, &std::fs::metadata(path)?)?;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags((nix::fcntl::OFlag::O_NONBLOCK | nix::fcntl::OFlag::O_NOCTTY).bits())
        .open(path)?;
    check(path, &file.metadata()?)?;
    Ok(file)
}

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
    /// A subagent's line: its usage is the subagent's context, not the chat's.
    #[serde(default, rename = "isSidechain")]
    sidechain: Option<bool>,
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

/// Opens `path` (see [`open_checked`]) and positions it where a read of what is new since `offset`
/// starts: a file shorter than `offset` (rotated, rewritten) from the start, and of more than
/// [`MAX_TAIL`] new bytes only the last ones. Returns the reader, limited to [`MAX_TAIL`] bytes, the
/// position, and whether the first line is partial (it started before the cut).
pub fn open_tail(
    path: &Path,
    offset: u64,
) -> Result<(BufReader<std::io::Take<File>>, u64, bool), TranscriptError> {
    let mut file = open_checked(path)?;
    let len = file.metadata()?.len();
    let mut start = if len < offset { 0 } else { offset };
    let cut = len - start > MAX_TAIL;
    if cut {
        start = len - MAX_TAIL;
    }
    file.seek(SeekFrom::Start(start))?;
    Ok((BufReader::new(file.take(MAX_TAIL)), start, cut))
}

/// Reads what was appended to `path` since `offset` (whole lines, at most [`MAX_TAIL`] bytes: the tail
/// of a longer backlog).
pub fn read_from(path: &Path, offset: u64) -> Result<TranscriptDelta, TranscriptError> {
    let (mut reader, start, mut partial) = open_tail(path, offset)?;
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
        if std::mem::take(&mut partial) {
            // The rest of a line cut at the start of the tail.
            continue;
        }
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
        if parsed.sidechain == Some(true) {
            continue;
        }
        let tokens_opt = parsed
            .message
            .and_then(|message| message.usage)
            .map(|usage| {
                // Saturating: the counts are the transcript's, and a line may say anything.
                usage
                    .input_tokens
                    .saturating_add(usage.cache_read_input_tokens)
                    .saturating_add(usage.cache_creation_input_tokens)
            })
            // Messages Claude Code writes itself (API errors, model `<synthetic>`) carry zero usage.
            .filter(|tokens| *tokens > 0);
        if tokens_opt.is_some() {
            delta.tokens_used_opt = tokens_opt;
        }
    }
    Ok(delta)
}

#[cfg(test)]
mod tests {
    use std::{io::Write, path::PathBuf};

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
    fn fifos_devices_and_other_users_files_are_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("fifo.jsonl");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600)).expect("fifo");
        // Opening a FIFO for reading blocks until a writer comes: this returns at once.
        assert!(matches!(
            read_from(&fifo, 0),
            Err(TranscriptError::NotRegular { .. })
        ));
        assert!(matches!(
            read_from(Path::new("/dev/zero"), 0),
            Err(TranscriptError::NotRegular { .. })
        ));
        assert!(matches!(
            read_from(dir.path(), 0),
            Err(TranscriptError::NotRegular { .. })
        ));
        // A symlink to a FIFO is the FIFO.
        let link = dir.path().join("link.jsonl");
        std::os::unix::fs::symlink(&fifo, &link).expect("symlink");
        assert!(matches!(
            read_from(&link, 0),
            Err(TranscriptError::NotRegular { .. })
        ));
        let foreign = if nix::unistd::geteuid().is_root() {
            let path = dir.path().join("theirs.jsonl");
            std::fs::write(&path, format!("{ASSISTANT}\n")).expect("write");
            std::os::unix::fs::chown(&path, Some(65_534), Some(65_534)).expect("chown");
            path
        } else {
            PathBuf::from("/etc/passwd")
        };
        assert!(matches!(
            read_from(&foreign, 0),
            Err(TranscriptError::NotOwned { .. })
        ));
    }

    #[test]
    fn a_long_backlog_is_read_from_its_tail_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("session.jsonl");
        let mut file = File::create(&path).expect("create");
        let filler = format!("{USER}\n").repeat((2 * MAX_TAIL as usize) / USER.len());
        file.write_all(filler.as_bytes()).expect("write");
        writeln!(file, "{ASSISTANT}").expect("write");
        let len = std::fs::metadata(&path).expect("meta").len();
        assert!(len > 2 * MAX_TAIL);
        let delta = read_from(&path, 0).expect("reads");
        assert_eq!(delta.offset, len);
        assert_eq!(delta.tokens_used_opt, Some(43_012));
        // Only whole lines of the tail were counted, the cut one not as malformed.
        assert_eq!(delta.malformed_lines, 0);
        assert!(delta.user_messages <= MAX_TAIL / USER.len() as u64);
    }

    #[test]
    fn subagent_and_synthetic_usage_do_not_count_as_the_chats() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("session.jsonl");
        let sidechain = r#"{"type":"assistant","isSidechain":true,"message":{"role":"assistant","usage":{"input_tokens":5,"cache_read_input_tokens":9000}}}"#;
        let synthetic = r#"{"type":"assistant","message":{"role":"assistant","model":"<synthetic>","usage":{"input_tokens":0,"output_tokens":0,"cache_read_input_tokens":0,"cache_creation_input_tokens":0}}}"#;
        std::fs::write(&path, format!("{ASSISTANT}\n{sidechain}\n{synthetic}\n")).expect("write");
        assert_eq!(
            read_from(&path, 0).expect("reads").tokens_used_opt,
            Some(43_012)
        );
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
