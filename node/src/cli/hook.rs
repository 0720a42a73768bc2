//! `shim-node hook`: a Claude Code hook. Reads the hook's JSON on stdin and turns it into signals for the
//! node; at SessionStart it opens the session's chat and prints the resume prompt of an interrupted
//! session, which Claude Code adds to the new session's context.
//!
//! It never blocks or breaks the assistant: whatever happens (bad input, no node, no NATS) it exits 0,
//! quietly, within [`DEADLINE`]. SessionStart alone may take up to [`START_DEADLINE`]: when no node answers
//! it starts one in the background, as `shim-node mcp` does, so that the resume prompt of a session that
//! crashed before a reboot or a `shim-node stop` still reaches the next session.
//!
//! The prompt and the tool arguments, results and errors it sends are redacted before they are cut to their
//! limits: a secret cut in two would no longer be recognized by the node.

use std::time::Duration;

use serde_json::Value;
use shim_actors::redact::redact;
use shim_protocol::{
    NodeOp, codec,
    messages::{
        ResumeOffer, ResumeRequest, SessionEndReply, SessionEndRequest, SessionStartReply,
        SessionStartRequest, SignalBatch, SignalEvent, SignalSource,
    },
    subject,
};

use crate::{
    config::Config,
    mcp::{McpOptions, find_or_start_node},
    nats::{NodeClient, connect_fast},
};

/// Longest a hook may take, start to exit (SessionStart excepted, see [`START_DEADLINE`]).
pub const DEADLINE: Duration = Duration::from_millis(1500);
/// Longest a SessionStart hook may take, start to exit: time for a node it starts (and the nats-server that
/// node may start) to come up and answer. Claude Code gives a hook 60 s unless its settings say otherwise;
/// `shim-node setup claude-code` gives SessionStart 15 s.
pub const START_DEADLINE: Duration = Duration::from_secs(10);
/// Largest hook input read.
const MAX_INPUT: u64 = 4 * 1024 * 1024;
/// Longest tool argument or result kept.
const ITEM_CHARS: usize = 500;
/// Longest prompt kept.
const PROMPT_CHARS: usize = 2_000;

/// What a hook asks of the node.
#[derive(Debug, Clone, PartialEq)]
pub enum HookAction {
    /// SessionStart: open the chat, then (unless the start is a compaction) resume.
    Start {
        /// The chat request.
        request: SessionStartRequest,
        /// Whether to look for an interrupted session.
        offer_resume: bool,
    },
    /// Signals, sent without waiting for a reply.
    Signals(SignalBatch),
    /// SessionEnd: end the chat cleanly.
    End(SessionEndRequest),
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn cut(value: Option<&Value>) -> Option<String> {
    let text = match value? {
        Value::String(text) => text.clone(),
        Value::Null => return None,
        other => other.to_string(),
    };
    // Redacted before the cut: a secret cut in two is no longer recognized downstream.
    Some(redact(&text).chars().take(ITEM_CHARS).collect())
}

/// Turns a hook's JSON into what to ask of the node; `None` for events SHIM does not use, or input
/// without a usable session id.
pub fn parse(input: &[u8], claude_pid_opt: Option<u32>, now_ms: u64) -> Option<HookAction> {
    let value: Value = serde_json::from_slice(input).ok()?;
    let event = text(&value, "hook_event_name")?;
    let session_id = text(&value, "session_id")?;
    subject::validate_id("session id", &session_id).ok()?;
    let transcript_path = text(&value, "transcript_path");
    let batch = |events: Vec<SignalEvent>| SignalBatch {
        chat_id: session_id.clone(),
        source: SignalSource::Hook,
        at_ms: now_ms,
        events,
        transcript_path: transcript_path.clone(),
        prompt: None,
        trigger: text(&value, "trigger"),
    };
    let signals = |events: Vec<SignalEvent>| Some(HookAction::Signals(batch(events)));
    let tool_call = |ok: bool| SignalEvent::ToolCall {
        tool: text(&value, "tool_name").unwrap_or_else(|| "unknown".to_owned()),
        ok,
        duration_ms: value.get("duration_ms").and_then(Value::as_u64),
        arguments: cut(value.get("tool_input")),
        result: cut(value.get("tool_response").or_else(|| value.get("error"))),
    };
    // SHIM's own MCP tools are reported by its MCP server; counting them here too would count them twice.
    let own_tool = text(&value, "tool_name").is_some_and(|tool| tool.starts_with("mcp__shim__"));
    match event.as_str() {
        "PostToolUse" | "PostToolUseFailure" if own_tool => None,
        "SessionStart" => Some(HookAction::Start {
            offer_resume: text(&value, "source").as_deref() != Some("compact"),
            request: SessionStartRequest {
                chat_id: Some(session_id.clone()),
                project_dir: text(&value, "cwd"),
                name: None,
                client: Some("claude-code".to_owned()),
                claude_pid: claude_pid_opt,
                // The hook is gone in a moment and Claude Code outlives its sessions' ends; the session's MCP
                // server describes the process the node watches.
                process: None,
            },
        }),
        // The prompt is kept for resume: a crash can come before the transcript has it.
        "UserPromptSubmit" => Some(HookAction::Signals(SignalBatch {
            prompt: text(&value, "prompt")
                .map(|prompt| redact(&prompt).chars().take(PROMPT_CHARS).collect()),
            ..batch(vec![SignalEvent::UserPrompt])
        })),
        "PostToolUse" => {
            // A tool can report failure in its response without the failure event.
            let failed = value
                .pointer("/tool_response/is_error")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            signals(vec![tool_call(!failed)])
        }
        "PostToolUseFailure" => signals(vec![tool_call(false)]),
        "PreCompact" => signals(vec![SignalEvent::PreCompact]),
        "PostCompact" => signals(vec![SignalEvent::PostCompact]),
        "Stop" => signals(vec![SignalEvent::TurnEnded { latency_ms: None }]),
        "StopFailure" => signals(vec![SignalEvent::TurnFailed {
            error: cut(value.get("error").or_else(|| value.get("message"))),
        }]),
        "SessionEnd" => Some(HookAction::End(SessionEndRequest {
            chat_id: session_id.clone(),
            reason: text(&value, "reason").or_else(|| Some("session end".to_owned())),
            claude_pid: claude_pid_opt,
        })),
        _ => None,
    }
}

/// Runs the hook within [`DEADLINE`] (SessionStart: [`START_DEADLINE`]), reading its input included; the
/// exit code is always 0. `config_path_opt` is the config file given to this process, passed on to a node
/// it starts.
pub(super) async fn run(
    config: &Config,
    config_path_opt: Option<std::path::PathBuf>,
) -> std::process::ExitCode {
    let started_at = tokio::time::Instant::now();
    let Some(input) = super::stdin::read(MAX_INPUT, started_at + DEADLINE).await else {
        return std::process::ExitCode::SUCCESS;
    };
    let Some(action) = parse(&input, crate::claude::session_pid(), shim_actors::now_ms()) else {
        return std::process::ExitCode::SUCCESS;
    };
    let deadline = match action {
        HookAction::Start { .. } => started_at + START_DEADLINE,
        _ => started_at + DEADLINE,
    };
    match tokio::time::timeout_at(deadline, deliver(config, config_path_opt, action)).await {
        Ok(Some(prompt)) => outln!("{prompt}"),
        Ok(None) => {}
        Err(_) => tracing::debug!("hook gave up after its deadline"),
    }
    std::process::ExitCode::SUCCESS
}

/// Sends the action; returns the resume prompt to print, if any. Only SessionStart starts a node when none
/// answers.
async fn deliver(
    config: &Config,
    config_path_opt: Option<std::path::PathBuf>,
    action: HookAction,
) -> Option<String> {
    if let HookAction::Start {
        request,
        offer_resume,
    } = action
    {
        let options = McpOptions {
            autostart: true,
            project_dir_opt: None,
            config_path_opt,
            claude_pid_opt: None,
        };
        let node = match find_or_start_node(config, &options).await {
            Ok(node) => node,
            Err(error) => {
                tracing::debug!(error = %format!("{error:#}"), "no node for the session start");
                return None;
            }
        };
        // The session's own chat: the hook presents its secret, derived from the node's key beside it.
        let secret_opt = request.chat_id.as_deref().and_then(|chat_id| {
            crate::coordination::chat_keys::local_secret(
                &crate::data_dir::DataDir::new(&config.data_dir),
                chat_id,
            )
        });
        return start(
            &node.with_chat_secret(secret_opt.as_deref()),
            request,
            offer_resume,
        )
        .await;
    }
    let auth = crate::nats::NatsAuth::of(config).ok()?;
    let client = connect_fast(&config.nats_url, "shim-node hook", &auth)
        .await
        .ok()?;
    let node = NodeClient::new(client.clone(), config.node_id.clone(), DEADLINE);
    match action {
        HookAction::Signals(batch) => {
            let subject = subject::node_op(&config.node_id, NodeOp::Signals).ok()?;
            let payload = codec::encode(&batch).ok()?;
            let mut headers = async_nats::HeaderMap::new();
            headers.insert(
                shim_protocol::PROTOCOL_HEADER,
                shim_protocol::PROTOCOL_VERSION.to_string().as_str(),
            );
            // The session's own chat: the hook presents its secret, derived from the node's key beside it.
            if let Some(secret) = crate::coordination::chat_keys::local_secret(
                &crate::data_dir::DataDir::new(&config.data_dir),
                &batch.chat_id,
            ) {
                headers.insert(shim_protocol::CHAT_SECRET_HEADER, secret.as_str());
            }
            client
                .publish_with_headers(subject, headers, payload.into())
                .await
                .ok()?;
            client.flush().await.ok()?;
            None
        }
        HookAction::End(request) => {
            let secret_opt = crate::coordination::chat_keys::local_secret(
                &crate::data_dir::DataDir::new(&config.data_dir),
                &request.chat_id,
            );
            let _: SessionEndReply = node
                .with_chat_secret(secret_opt.as_deref())
                .request(NodeOp::SessionEnd, &request)
                .await
                .ok()?;
            None
        }
        // Handled above.
        HookAction::Start { .. } => None,
    }
}

/// Opens the session's chat and, unless the start is a compaction, takes the resume prompt of an
/// interrupted session in its project.
async fn start(
    node: &NodeClient,
    request: SessionStartRequest,
    offer_resume: bool,
) -> Option<String> {
    let project_dir_opt = request.project_dir.clone();
    let started: SessionStartReply = match node.request(NodeOp::SessionStart, &request).await {
        // A working directory the node may not read (not the user's): the chat opens without one.
        Err(crate::nats::ClientError::Remote(shim_protocol::WireError::BadRequest { .. }))
            if request.project_dir.is_some() =>
        {
            let without = SessionStartRequest {
                project_dir: None,
                ..request
            };
            node.request(NodeOp::SessionStart, &without).await.ok()?
        }
        other => other.ok()?,
    };
    if !offer_resume {
        return None;
    }
    let offer: ResumeOffer = node
        .request(
            NodeOp::ResumeTake,
            &ResumeRequest {
                checkpoint_id: None,
                project_dir: project_dir_opt,
                chat_id: Some(started.chat_id),
            },
        )
        .await
        .ok()?;
    offer.resume_prompt.filter(|_| offer.resume_available)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn parse_json(value: Value) -> Option<HookAction> {
        parse(value.to_string().as_bytes(), Some(4242), 1_000)
    }

    fn events(action: Option<HookAction>) -> Vec<SignalEvent> {
        match action {
            Some(HookAction::Signals(batch)) => {
                assert_eq!(batch.chat_id, "abc-123");
                batch.events
            }
            other => panic!("expected signals, got {other:?}"),
        }
    }

    #[test]
    fn session_start_opens_the_chat_under_the_session_id() {
        let action = parse_json(json!({
            "session_id": "abc-123",
            "transcript_path": "/home/u/.claude/projects/p/abc-123.jsonl",
            "cwd": "/home/u/p",
            "hook_event_name": "SessionStart",
            "source": "startup",
            "model": "claude-sonnet-4-5",
            "permission_mode": "default"
        }));
        let Some(HookAction::Start {
            request,
            offer_resume,
        }) = action
        else {
            panic!("expected a start, got {action:?}");
        };
        assert!(offer_resume);
        assert_eq!(request.chat_id.as_deref(), Some("abc-123"));
        assert_eq!(request.project_dir.as_deref(), Some("/home/u/p"));
        assert_eq!(request.claude_pid, Some(4242));
        let compact = parse_json(
            json!({"session_id": "abc-123", "hook_event_name": "SessionStart", "source": "compact"}),
        );
        assert!(matches!(
            compact,
            Some(HookAction::Start {
                offer_resume: false,
                ..
            })
        ));
    }

    #[test]
    fn tool_events_carry_name_outcome_and_cut_arguments() {
        let long = "x".repeat(2_000);
        let ok = events(parse_json(json!({
            "session_id": "abc-123",
            "hook_event_name": "PostToolUse",
            "tool_name": "Bash",
            "tool_input": {"command": long, "description": "run"},
            "tool_response": {"stdout": "ok", "stderr": "", "interrupted": false},
            "tool_use_id": "toolu_1",
            "some_future_field": [1, 2, 3]
        })));
        let SignalEvent::ToolCall {
            tool,
            ok: success,
            arguments,
            ..
        } = &ok[0]
        else {
            panic!("{ok:?}");
        };
        assert_eq!((tool.as_str(), *success), ("Bash", true));
        assert_eq!(
            arguments.as_deref().map(|text| text.chars().count()),
            Some(ITEM_CHARS)
        );

        let failed = events(parse_json(json!({
            "session_id": "abc-123",
            "hook_event_name": "PostToolUseFailure",
            "tool_name": "Edit",
            "tool_input": {"file_path": "/x"},
            "error": "old_string not found"
        })));
        assert!(
            matches!(&failed[0], SignalEvent::ToolCall { ok: false, result: Some(error), .. } if error == "old_string not found")
        );
        let reported = events(parse_json(json!({
            "session_id": "abc-123", "hook_event_name": "PostToolUse", "tool_name": "mcp__x",
            "tool_response": {"is_error": true}
        })));
        assert!(matches!(
            &reported[0],
            SignalEvent::ToolCall { ok: false, .. }
        ));
    }

    #[test]
    fn every_other_event_maps_to_its_signal() {
        let one = |name: &str| {
            events(parse_json(
                json!({"session_id": "abc-123", "hook_event_name": name, "error": "overloaded"}),
            ))
        };
        assert_eq!(one("UserPromptSubmit"), [SignalEvent::UserPrompt]);
        let prompt = parse_json(json!({
            "session_id": "abc-123", "hook_event_name": "UserPromptSubmit", "prompt": "fix the lexer"
        }));
        assert!(
            matches!(prompt, Some(HookAction::Signals(batch)) if batch.prompt.as_deref() == Some("fix the lexer"))
        );
        assert_eq!(one("PreCompact"), [SignalEvent::PreCompact]);
        assert_eq!(one("PostCompact"), [SignalEvent::PostCompact]);
        assert_eq!(one("Stop"), [SignalEvent::TurnEnded { latency_ms: None }]);
        assert_eq!(
            one("StopFailure"),
            [SignalEvent::TurnFailed {
                error: Some("overloaded".to_owned())
            }]
        );
        let end = parse_json(
            json!({"session_id": "abc-123", "hook_event_name": "SessionEnd", "reason": "logout"}),
        );
        assert!(
            matches!(end, Some(HookAction::End(request)) if request.reason.as_deref() == Some("logout"))
        );
    }

    #[test]
    fn malformed_or_unusable_input_asks_nothing() {
        for input in [
            &b""[..],
            b"not json",
            b"[1,2,3]",
            br#"{"hook_event_name": "Stop"}"#,
            br#"{"session_id": 7, "hook_event_name": "Stop"}"#,
            br#"{"session_id": "a.b", "hook_event_name": "Stop"}"#,
            br#"{"session_id": "abc", "hook_event_name": "Notification"}"#,
            br#"{"session_id": "abc", "hook_event_name": "PostToolUse", "tool_name": "mcp__shim__shim_status"}"#,
        ] {
            assert_eq!(
                parse(input, None, 0),
                None,
                "{}",
                String::from_utf8_lossy(input)
            );
        }
    }
}
