//! Fuzz targets for the transcripts the node reads: Claude Code's JSONL, which the signal collector tails
//! for token use ([`transcript::read_from`]) and the resume digest reads whole ([`digest::read`] and
//! [`digest::parse`]). Seeds are the recorded session in `tests/data/claude-code-session.jsonl`. And the
//! prompts the model router is asked about (`model.route`, `shim-node route`): [`analyzer::analyze`],
//! [`router::judge`] and the built-in learned model's `score` and `decide`.
//!
//! Properties: reading never panics and returns within [`fuzz::PER_INPUT`]; the tail reader's offset stays
//! within the file and on a line end, and it counts no more messages than there are lines; a prompt's
//! scores are probabilities. Cases:
//! [`fuzz::cases`] (`SHIM_FUZZ_CASES`, see `protocol/tests/support/fuzz.rs`).

#[path = "../../protocol/tests/support/fuzz.rs"]
mod fuzz;

use std::{io::Write, path::Path};

use proptest::prelude::*;
use serde_json::Value;
use shim_actors::{
    checkpoint_manager::resume::digest,
    model_router::{analyzer, classifier, router},
    signals::transcript,
};
use shim_protocol::limits::MAX_PROMPT_BYTES;

const SESSION: &str = include_str!("../../tests/data/claude-code-session.jsonl");

/// Reads `content` as a transcript, every way the node does.
fn read_all_ways(content: &[u8], offset: u64) {
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(content).expect("writes");
    file.flush().expect("flushes");
    let path = file.path();
    for offset in [0, offset] {
        let delta = fuzz::bounded("transcript::read_from", || {
            transcript::read_from(path, offset)
        })
        .expect("a readable transcript is read");
        check_delta(content, offset, &delta);
    }
    fuzz::bounded("digest::read", || digest::read(path)).expect("a readable transcript digests");
    if let Ok(text) = std::str::from_utf8(content) {
        fuzz::bounded("digest::parse", || digest::parse(text));
    }
}

fn check_delta(content: &[u8], offset: u64, delta: &transcript::TranscriptDelta) {
    let len = content.len() as u64;
    assert!(
        delta.offset <= len,
        "offset {} past the end {len}",
        delta.offset
    );
    let start = if offset > len { 0 } else { offset };
    assert!(delta.offset >= start, "offset went back");
    if delta.offset > start {
        assert_eq!(
            content[delta.offset as usize - 1],
            b'\n',
            "offset not after a line"
        );
    }
    let lines = content[start as usize..delta.offset as usize]
        .iter()
        .filter(|byte| **byte == b'\n')
        .count() as u64;
    assert!(delta.user_messages + delta.assistant_messages + delta.malformed_lines <= lines);
}

/// The recorded session's lines (one of which is cut short, as a crash leaves it).
fn session_lines() -> Vec<String> {
    SESSION.lines().map(str::to_owned).collect()
}

#[test]
fn every_truncation_of_the_session_reads() {
    let bytes = SESSION.as_bytes();
    // Every cut, on a sample of the positions (all of them at a larger case count).
    let step = (bytes.len() / fuzz::cases().max(1) as usize).max(1);
    for cut in (0..bytes.len()).step_by(step) {
        read_all_ways(&bytes[..cut], cut as u64 / 2);
    }
}

/// Found by fuzzing: usage counts near `u64::MAX` overflowed their sum (a panic in a debug build, a wrong
/// count in release).
#[test]
fn huge_usage_counts_are_not_an_overflow() {
    let line = format!(
        r#"{{"type":"assistant","message":{{"role":"assistant","usage":{{"input_tokens":{max},"cache_read_input_tokens":{max},"cache_creation_input_tokens":{max}}}}}}}"#,
        max = u64::MAX
    );
    let content = format!("{line}\n");
    read_all_ways(content.as_bytes(), 0);
    let mut file = tempfile::NamedTempFile::new().expect("a temporary file");
    file.write_all(content.as_bytes()).expect("writes");
    let delta = transcript::read_from(file.path(), 0).expect("reads");
    assert_eq!(delta.tokens_used_opt, Some(u64::MAX));
}

#[test]
fn hostile_lines_read() {
    let deep = |depth: usize| format!("{}{}\n", "[".repeat(depth), "]".repeat(depth));
    let mut inputs = vec![
        deep(10_000).into_bytes(),
        format!(r#"{{"message":{{"content":{}}}}}"#, deep(100_000)).into_bytes(),
        b"\xff\xfe{\"type\":\"user\"}\n".to_vec(),
        format!("{}\n", "x".repeat(5 * 1024 * 1024)).into_bytes(),
        "\n".repeat(100_000).into_bytes(),
        br#"{"type":"assistant","timestamp":"99999-99-99T99:99:99Z","message":{"usage":{"input_tokens":-1}}}"#
            .to_vec(),
    ];
    inputs.push(inputs[1].repeat(3));
    for input in inputs {
        read_all_ways(&input, 7);
    }
}

fn read_path(path: &Path) {
    let _ = transcript::read_from(path, 0);
    let _ = digest::read(path);
}

#[test]
fn paths_that_are_not_regular_files_are_errors() {
    let dir = tempfile::tempdir().expect("a temporary dir");
    read_path(dir.path());
    read_path(&dir.path().join("absent.jsonl"));
}

/// Analyses `prompt` as the router does, and scores it with the built-in model.
fn route(prompt: &str) {
    // Loaded once per process (seconds unoptimised), not part of any one prompt's time.
    analyzer::tokenizer();
    let features = fuzz::bounded("analyzer::analyze", || analyzer::analyze(prompt));
    fuzz::bounded("router::judge", || router::judge(&features));
    let model = classifier::builtin();
    let scored = fuzz::bounded("Classifier::score", || model.score(prompt, &features));
    assert!(
        scored.logits.iter().all(|logit| logit.is_finite()),
        "{scored:?}"
    );
    let decided = model.decide(scored.logits);
    let total: f64 = decided.probabilities.iter().sum();
    assert!((total - 1.0).abs() < 1e-9, "{decided:?}");
}

/// Prompts of the longest kinds: as long as the router takes them when optimised, a sixty-fourth of that
/// unoptimised (where the tokenizer alone takes seconds on a 1 MiB word).
#[test]
fn hostile_prompts_are_routed() {
    let longest = if cfg!(debug_assertions) {
        MAX_PROMPT_BYTES / 64
    } else {
        MAX_PROMPT_BYTES
    };
    let fill = |piece: &str| piece.repeat(longest / piece.len());
    for prompt in [
        String::new(),
        fill("\u{0}"),
        fill("```"),
        fill("a"),
        fill("é🦀\u{200b}\u{202e}"),
        fill("fn main() {\n"),
        fill("\n"),
        fill("word "),
        fill("a1_"),
    ] {
        route(&prompt);
    }
}

proptest! {
    #![proptest_config(fuzz::config())]

    /// Any text, and text made of pieces prompts are made of, as a prompt to route.
    #[test]
    fn any_prompt_is_routed(
        text in "\\PC{0,400}",
        pieces in proptest::collection::vec(
            prop::sample::select(vec![
                "fix", "the", "bug", " ", "\n", "```rust\n", "```", "fn f() {}", "why", "?", "refactor",
                "architecture", "é", "🦀", "\t", "0x1F", "https://example.com/a?b=c", "/src/lib.rs:12",
            ]),
            0..200,
        ),
    ) {
        route(&text);
        route(&pieces.concat());
    }


    /// Any bytes as a transcript, read from the start and from any offset.
    #[test]
    fn arbitrary_bytes_read(
        bytes in proptest::collection::vec(any::<u8>(), 0..4096),
        offset in any::<u64>(),
    ) {
        read_all_ways(&bytes, offset % (bytes.len() as u64 + 8));
    }

    /// Lines of the recorded session, arbitrary lines mixed in, one field of one line of another shape.
    #[test]
    fn the_session_with_a_field_of_the_wrong_shape_reads(
        line in any::<prop::sample::Index>(),
        path in any::<usize>(),
        replacement in fuzz::wrong_value(),
        noise in proptest::collection::vec("\\PC{0,80}", 0..4),
        offset in any::<prop::sample::Index>(),
    ) {
        // The mutated line among a few of its neighbours: the whole session per case is slow unoptimised.
        let all = session_lines();
        let at = line.index(all.len());
        let mut lines = all[at.saturating_sub(3)..(at + 4).min(all.len())].to_vec();
        let at = at.min(3);
        if let Ok(value) = serde_json::from_str::<Value>(&lines[at]) {
            lines[at] = fuzz::replace_one(&value, path, replacement).to_string();
        }
        let mut content: Vec<u8> = Vec::new();
        for (index, line) in lines.iter().enumerate() {
            content.extend_from_slice(line.as_bytes());
            content.push(b'\n');
            if let Some(noise) = noise.get(index) {
                content.extend_from_slice(noise.as_bytes());
                content.push(b'\n');
            }
        }
        let offset = offset.index(content.len() + 1) as u64;
        read_all_ways(&content, offset);
    }
}
