//! `shim-node statusline`: the Claude Code status line. Reads the status-line JSON (context window, cost,
//! model, session), records it as a signal, and prints one line: risk level, context use, the time since
//! the last checkpoint, and, for a project the node watches (Workflow B), its build state and a commit
//! suggestion. Within [`DEADLINE`], and `SHIM offline` when no node answers. The build state is one small
//! file the node keeps in the data dir, read after the node answered: no second request.

use std::time::Duration;

use serde_json::Value;
use shim_protocol::{
    NodeOp,
    messages::{RiskLevel, RiskReport, SignalBatch, SignalEvent, SignalSource},
    subject,
};

use crate::{
    config::Config,
    data_dir::DataDir,
    nats::{NodeClient, connect_fast},
    workflows::{BuildState, WatchStatus, Workflows},
};

/// Longest the status line may take.
pub const DEADLINE: Duration = Duration::from_millis(800);

/// Most characters of a model's name kept (the names are short; the JSON is anyone's to write).
const MODEL_CHARS: usize = 100;

/// Turns the status-line JSON into a signal batch; `None` without a usable session id.
pub fn parse(input: &[u8], now_ms: u64) -> Option<SignalBatch> {
    let value: Value = serde_json::from_slice(input).ok()?;
    let session_id = value.get("session_id")?.as_str()?.to_owned();
    subject::validate_id("session id", &session_id).ok()?;
    let number = |pointer: &str| value.pointer(pointer).and_then(Value::as_f64);
    let whole = |pointer: &str| value.pointer(pointer).and_then(Value::as_u64);
    // What the context holds now is the last request's input, cached or not: `current_usage`. The window's
    // `total_input_tokens` counts every request of the session, far past the window in a long one.
    let in_context = value
        .pointer("/context_window/current_usage")
        .filter(|usage| usage.is_object())
        .map(|_| {
            [
                "input_tokens",
                "cache_creation_input_tokens",
                "cache_read_input_tokens",
            ]
            .iter()
            .filter_map(|field| whole(&format!("/context_window/current_usage/{field}")))
            .fold(0u64, u64::saturating_add)
        });
    let event = SignalEvent::Usage {
        tokens_used: in_context,
        context_window: whole("/context_window/context_window_size"),
        used_percentage: number("/context_window/used_percentage"),
        cost_usd: number("/cost/total_cost_usd"),
        model: value
            .pointer("/model/id")
            .or_else(|| value.pointer("/model/display_name"))
            .and_then(Value::as_str)
            .map(|model| model.chars().take(MODEL_CHARS).collect()),
    };
    Some(SignalBatch {
        chat_id: session_id,
        source: SignalSource::StatusLine,
        at_ms: now_ms,
        events: vec![event],
        transcript_path: value
            .get("transcript_path")
            .and_then(Value::as_str)
            .map(str::to_owned),
        prompt: None,
        trigger: None,
    })
}

/// The project of the status-line JSON: `workspace.project_dir`, else `cwd`, made canonical.
pub fn project_of(input: &[u8]) -> Option<std::path::PathBuf> {
    let value: Value = serde_json::from_slice(input).ok()?;
    let dir = value
        .pointer("/workspace/project_dir")
        .or_else(|| value.get("cwd"))
        .and_then(Value::as_str)?;
    std::fs::canonicalize(dir).ok()
}

/// Renders a watched project's build state: `… build`, `✓ build`, `✗ 3 errors`, and `commit?`.
pub fn render_build(status: &WatchStatus) -> String {
    let build = match status.build {
        BuildState::Running => "\x1b[33m… build\x1b[0m".to_owned(),
        BuildState::Passed => "\x1b[32m✓ build\x1b[0m".to_owned(),
        BuildState::Failed => match status.errors {
            1 => "\x1b[31m✗ 1 error\x1b[0m".to_owned(),
            errors => format!("\x1b[31m✗ {errors} errors\x1b[0m"),
        },
    };
    match status.commit_suggested {
        true => format!("{build} · commit?"),
        false => build,
    }
}

/// Renders the line. ANSI colours: Claude Code shows them.
pub fn render(report: &RiskReport) -> String {
    let (colour, dot) = match report.level {
        RiskLevel::Safe => ("\x1b[32m", "●"),
        RiskLevel::Warning => ("\x1b[33m", "▲"),
        RiskLevel::Danger => ("\x1b[31m", "■"),
    };
    let context = report.signals.context_ratio.map_or_else(
        || "ctx ?".to_owned(),
        |ratio| format!("ctx {:.0}%", ratio * 100.0),
    );
    let checkpoint = match report.signals.seconds_since_checkpoint {
        Some(seconds) if seconds < 60 => format!("ckpt {seconds}s ago"),
        Some(seconds) if seconds < 3600 => format!("ckpt {}m ago", seconds / 60),
        Some(seconds) => format!("ckpt {}h{:02}m ago", seconds / 3600, seconds % 3600 / 60),
        None => "no ckpt yet".to_owned(),
    };
    format!(
        "{colour}SHIM {dot} {}\x1b[0m · {context} · {checkpoint}",
        report.level.as_str()
    )
}

/// Most bytes of status-line JSON read.
const MAX_INPUT: u64 = 1024 * 1024;

/// Runs the status line; always exits 0 with one line, within [`DEADLINE`] even when stdin does not close.
pub(super) async fn run(config: &Config) -> std::process::ExitCode {
    let deadline = tokio::time::Instant::now() + DEADLINE;
    let input = super::stdin::read(MAX_INPUT, deadline)
        .await
        .unwrap_or_default();
    let line = match parse(&input, shim_actors::now_ms()) {
        None => "SHIM".to_owned(),
        Some(batch) => match tokio::time::timeout_at(deadline, report(config, &batch)).await {
            Ok(Some(report)) => {
                let line = render(&report);
                // Only a node that answered keeps the build state current.
                let status_opt = project_of(&input).and_then(|project| {
                    Workflows::new(&DataDir::new(&config.data_dir))
                        .state()
                        .watch_status(&project)
                        .ok()
                        .flatten()
                });
                match status_opt {
                    Some(status) => format!("{line} · {}", render_build(&status)),
                    None => line,
                }
            }
            _ => "SHIM ○ offline".to_owned(),
        },
    };
    super::output::write_raw(format_args!("{line}\n"));
    std::process::ExitCode::SUCCESS
}

async fn report(config: &Config, batch: &SignalBatch) -> Option<RiskReport> {
    let auth = crate::nats::NatsAuth::of(config).ok()?;
    let client = connect_fast(&config.nats_url, "shim-node statusline", &auth)
        .await
        .ok()?;
    // The session's own chat: the status line presents its secret, derived from the node's key beside it.
    let secret_opt = crate::coordination::chat_keys::local_secret(
        &crate::data_dir::DataDir::new(&config.data_dir),
        &batch.chat_id,
    );
    let node = NodeClient::new(client, config.node_id.clone(), DEADLINE)
        .with_chat_secret(secret_opt.as_deref());
    node.request(NodeOp::Signals, batch).await.ok()
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use shim_protocol::messages::SignalSnapshot;

    use super::*;

    #[test]
    fn the_status_line_json_becomes_a_usage_signal() {
        let input = json!({
            "hook_event_name": "Status",
            "session_id": "abc-123",
            "transcript_path": "/t.jsonl",
            "cwd": "/p",
            "model": {"id": "claude-opus-4-1", "display_name": "Opus"},
            "workspace": {"current_dir": "/p", "project_dir": "/p"},
            "version": "2.1.0",
            "cost": {"total_cost_usd": 0.42, "total_duration_ms": 45000, "total_api_duration_ms": 2300},
            "context_window": {"context_window_size": 200000, "used_percentage": 61.5,
                "total_input_tokens": 4_800_000, "total_output_tokens": 90_000,
                "current_usage": {"input_tokens": 3_000, "output_tokens": 800,
                    "cache_creation_input_tokens": 20_000, "cache_read_input_tokens": 100_000}},
            "rate_limits": {"five_hour": {"used_percentage": 12}}
        });
        let batch = parse(input.to_string().as_bytes(), 5).expect("parses");
        assert_eq!(batch.chat_id, "abc-123");
        assert_eq!(batch.transcript_path.as_deref(), Some("/t.jsonl"));
        assert_eq!(
            batch.events,
            [SignalEvent::Usage {
                // What the context holds now, not the session's 4.8 million input tokens.
                tokens_used: Some(123_000),
                context_window: Some(200_000),
                used_percentage: Some(61.5),
                cost_usd: Some(0.42),
                model: Some("claude-opus-4-1".to_owned()),
            }]
        );
        // Before the session's first request there is no current usage: nothing is known of the context.
        let fresh = json!({"session_id": "s", "model": {"id": "x".repeat(10_000)},
            "context_window": {"context_window_size": 200000, "total_input_tokens": 0, "current_usage": null}});
        let fresh = parse(fresh.to_string().as_bytes(), 5).expect("parses");
        let SignalEvent::Usage {
            tokens_used, model, ..
        } = &fresh.events[0]
        else {
            panic!("a usage signal: {fresh:?}");
        };
        assert_eq!(*tokens_used, None);
        assert_eq!(model.as_ref().map(String::len), Some(MODEL_CHARS));
        let sparse = parse(br#"{"session_id": "s", "context_window": "oops"}"#, 5).expect("parses");
        assert!(matches!(
            &sparse.events[0],
            SignalEvent::Usage {
                used_percentage: None,
                context_window: None,
                ..
            }
        ));
        for bad in [&b""[..], b"{}", b"null", br#"{"session_id": "a b"}"#] {
            assert!(parse(bad, 0).is_none());
        }
    }

    #[test]
    fn the_line_shows_level_context_and_checkpoint_age() {
        let report = |level, ratio, seconds| RiskReport {
            chat_id: "c".to_owned(),
            level,
            score: 0.5,
            reasons: Vec::new(),
            signals: SignalSnapshot {
                context_ratio: ratio,
                seconds_since_checkpoint: seconds,
                ..SignalSnapshot::default()
            },
            advice: None,
        };
        let line = render(&report(RiskLevel::Warning, Some(0.62), Some(185)));
        assert!(
            line.contains("SHIM ▲ warning")
                && line.contains("ctx 62%")
                && line.contains("ckpt 3m ago"),
            "{line}"
        );
        let line = render(&report(RiskLevel::Safe, None, None));
        assert!(
            line.contains("ctx ?") && line.contains("no ckpt yet"),
            "{line}"
        );
        assert!(
            render(&report(RiskLevel::Danger, Some(0.8), Some(7_300))).contains("ckpt 2h01m ago")
        );
    }

    #[test]
    fn the_build_state_shows_running_passed_failures_and_a_commit_suggestion() {
        let status = |build, errors, commit_suggested| WatchStatus {
            project: "/p".into(),
            build,
            errors,
            builds: 1,
            tree: None,
            commit_suggested,
            at_ms: 0,
        };
        assert!(render_build(&status(BuildState::Running, 0, false)).contains("… build"));
        assert!(render_build(&status(BuildState::Passed, 0, false)).contains("✓ build"));
        assert!(render_build(&status(BuildState::Failed, 1, false)).contains("✗ 1 error"));
        assert!(render_build(&status(BuildState::Failed, 3, false)).contains("✗ 3 errors"));
        let suggested = render_build(&status(BuildState::Passed, 0, true));
        assert!(
            suggested.contains("✓ build") && suggested.ends_with("· commit?"),
            "{suggested}"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let canonical = dir.path().canonicalize().expect("canonical");
        let input =
            json!({"session_id": "s", "cwd": "/", "workspace": {"project_dir": dir.path()}});
        assert_eq!(project_of(input.to_string().as_bytes()), Some(canonical));
        assert_eq!(project_of(br#"{"cwd": "/nowhere/at/all"}"#), None);
    }
}
