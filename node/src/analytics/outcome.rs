//! How one event changes a session's record, and the outcome decided from the record: pure functions, tested
//! without NATS.
//!
//! An outcome is decided once the session is over: ended (`chats.ended` with reason `ended`: SessionEnd,
//! `shim_end_session`, `session.end`) or gone without an end (interrupted). When several apply, the first of
//! this list wins, and every piece of evidence is kept:
//!
//! 1. `too_long`: an error or end reason naming the context wall ("prompt is too long", "conversation is too
//!    long");
//! 2. `api_error`: its last turn failed on an API error (`signals.turn_failed`, `telemetry.api_error`) and
//!    no request succeeded after it (by the requests' own `record_time`: Claude Code exports its telemetry in
//!    batches, so a request made before the failure can arrive after it);
//! 3. `resumed` / `abandoned` / `interrupted`: its process went away without an end (`chats.gone` from the
//!    registry, a `resume.offered` naming it, its node stopping without ending it); `resumed` once a later
//!    session took its resume (`resume.restored`), `abandoned` once nobody did in time or a later session in
//!    its project ended without taking it;
//! 4. `compacted`: its context was compacted automatically (PreCompact or PostCompact with trigger `auto`,
//!    `telemetry.compaction`);
//! 5. `clean`.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use shim_protocol::{
    Event,
    messages::{LevelReached, RiskLevel, SessionOutcome, SessionRecord},
};

/// Most evidence lines kept per session; the first ones and the latest are what explain an outcome.
pub const MAX_EVIDENCE: usize = 24;
/// Longest evidence line.
const EVIDENCE_CHARS: usize = 200;

/// A session's record as the ledger keeps it in `shim_sessions`: the record readers see, and what the ledger
/// needs to decide its outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSession {
    /// The record.
    #[serde(flatten)]
    pub record: SessionRecord,
    /// The ledger's working state.
    #[serde(default)]
    pub state: LedgerState,
}

/// What the ledger tracks beyond the record.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LedgerState {
    /// The risk level now (`safe` when none was reported).
    #[serde(default)]
    pub level: Option<RiskLevel>,
    /// Since when it has been at that level.
    #[serde(default)]
    pub level_since_ms: Option<u64>,
    /// When it ended cleanly.
    #[serde(default)]
    pub clean_end_at_ms: Option<u64>,
    /// When its process was found gone.
    #[serde(default)]
    pub interrupted_at_ms: Option<u64>,
    /// Nobody took its resume in time.
    #[serde(default)]
    pub abandoned: bool,
    /// Its context was compacted automatically.
    #[serde(default)]
    pub compacted: bool,
    /// Its last turn failed on an API error.
    #[serde(default)]
    pub last_turn_failed: bool,
    /// Its tool calls when that turn failed: more tool calls later mean later turns worked.
    #[serde(default)]
    pub failed_at_tool_calls: Option<u64>,
    /// When that turn failed (a telemetry error's own time, else when the event arrived).
    #[serde(default)]
    pub failed_at_ms: Option<u64>,
    /// It hit the context wall.
    #[serde(default)]
    pub too_long: bool,
}

impl StoredSession {
    /// A session first heard of at `at_ms`.
    pub fn new(chat_id: &str, at_ms: u64) -> StoredSession {
        StoredSession {
            record: SessionRecord {
                chat_id: chat_id.to_owned(),
                node_id: None,
                client: None,
                project_dir: None,
                started_at_ms: at_ms,
                ended_at_ms: None,
                last_seen_ms: at_ms,
                tool_calls: 0,
                levels: Vec::new(),
                time_at_level_ms: Default::default(),
                checkpoints: 0,
                last_checkpoint_tool_calls: None,
                last_checkpoint_at_ms: None,
                resume_offered: false,
                resume_taken: false,
                outcome: None,
                evidence: Vec::new(),
            },
            state: LedgerState::default(),
        }
    }

    fn note(&mut self, line: String) {
        let line: String = line.chars().take(EVIDENCE_CHARS).collect();
        if self.record.evidence.last() == Some(&line) {
            return;
        }
        if self.record.evidence.len() >= MAX_EVIDENCE {
            // Keep the first half (how it started going wrong) and the latest.
            self.record.evidence.remove(MAX_EVIDENCE / 2);
        }
        self.record.evidence.push(line);
    }

    fn interrupt(&mut self, at_ms: u64, why: String) {
        if self.state.clean_end_at_ms.is_some() {
            return;
        }
        if self.state.interrupted_at_ms.is_none() {
            self.state.interrupted_at_ms = Some(at_ms);
        }
        self.note(why);
    }

    /// Adds the time spent at the current level up to `at_ms`.
    fn close_level(&mut self, at_ms: u64) {
        let level = self.state.level.unwrap_or(RiskLevel::Safe);
        let since = self
            .state
            .level_since_ms
            .unwrap_or(self.record.started_at_ms);
        *self
            .record
            .time_at_level_ms
            .entry(level.as_str().to_owned())
            .or_insert(0) += at_ms.saturating_sub(since);
        self.state.level_since_ms = Some(at_ms.max(since));
    }

    fn reopen(&mut self) {
        self.state.clean_end_at_ms = None;
        self.state.interrupted_at_ms = None;
        self.state.abandoned = false;
        self.record.ended_at_ms = None;
    }

    /// True when the session is over (ended or gone).
    pub fn is_over(&self) -> bool {
        self.state.clean_end_at_ms.is_some() || self.state.interrupted_at_ms.is_some()
    }

    /// Marks an interrupted session abandoned; false when it is not waiting for a resume.
    pub fn abandon(&mut self, at_ms: u64, why: String) -> bool {
        if self.state.interrupted_at_ms.is_none()
            || self.record.resume_taken
            || self.state.abandoned
        {
            return false;
        }
        self.state.abandoned = true;
        self.note(why);
        self.settle(at_ms);
        true
    }

    /// Decides the outcome from what is known and sets it with the end time; the outcome of a session that
    /// is not over is `None`.
    pub fn settle(&mut self, _now_ms: u64) {
        self.record.outcome = decide(&self.state, &self.record);
        self.record.ended_at_ms = self.state.clean_end_at_ms.or(self.state.interrupted_at_ms);
        if let Some(ended) = self.record.ended_at_ms
            && self
                .state
                .level_since_ms
                .unwrap_or(self.record.started_at_ms)
                < ended
        {
            self.close_level(ended);
        }
    }
}

/// The outcome of a session from its state (see the module docs for the order).
pub fn decide(state: &LedgerState, record: &SessionRecord) -> Option<SessionOutcome> {
    if state.clean_end_at_ms.is_none() && state.interrupted_at_ms.is_none() {
        return None;
    }
    Some(if state.too_long {
        SessionOutcome::TooLong
    } else if state.last_turn_failed {
        SessionOutcome::ApiError
    } else if state.interrupted_at_ms.is_some() {
        if record.resume_taken {
            SessionOutcome::Resumed
        } else if state.abandoned {
            SessionOutcome::Abandoned
        } else {
            SessionOutcome::Interrupted
        }
    } else if state.compacted {
        SessionOutcome::Compacted
    } else {
        SessionOutcome::Clean
    })
}

/// True when `text` names the context wall: Claude Code's "prompt is too long", Claude Desktop's
/// "conversation is too long", and the API's "context length" errors.
pub fn is_too_long(text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    [
        "prompt is too long",
        "conversation is too long",
        "context_length_exceeded",
        "exceeds the context window",
        "context window exceeded",
        "maximum context length",
    ]
    .iter()
    .any(|phrase| text.contains(phrase))
}

fn text<'a>(data: &'a Value, key: &str) -> Option<&'a str> {
    data.get(key).and_then(Value::as_str)
}

/// The events that concern a session's record.
pub fn concerns_sessions(kind: &str) -> bool {
    matches!(
        kind,
        "chats.started"
            | "chats.ended"
            | "chats.gone"
            | "chats.away"
            | "chats.back"
            | "resume.offered"
            | "resume.restored"
            | "risk.level_changed"
            | "checkpoint.saved"
            | "signals.session_ended"
            | "signals.compacting"
            | "signals.compacted"
            | "signals.turn_failed"
            | "telemetry.api_error"
            | "telemetry.api_request"
            | "telemetry.compaction"
    )
}

/// Applies one event at `at_ms` to the session; returns true when the record changed.
pub fn apply(session: &mut StoredSession, event: &Event, at_ms: u64) -> bool {
    let before = session.clone();
    let data = &event.data;
    session.record.last_seen_ms = session.record.last_seen_ms.max(at_ms);
    session.record.started_at_ms = session.record.started_at_ms.min(at_ms);
    if let Some(calls) = data.get("tool_calls").and_then(Value::as_u64) {
        session.record.tool_calls = session.record.tool_calls.max(calls);
    }
    // Without telemetry, tool calls after a failed turn are what shows the session went on working.
    if session.state.last_turn_failed
        && session
            .state
            .failed_at_tool_calls
            .is_some_and(|failed_at| session.record.tool_calls > failed_at)
    {
        session.state.last_turn_failed = false;
        session.state.failed_at_tool_calls = None;
        session.state.failed_at_ms = None;
        session.note(format!(
            "{}: tool calls went on after the failed turn",
            event.kind
        ));
    }
    match event.kind.as_str() {
        "chats.started" => {
            if session.is_over() {
                session.note(format!("chats.started again at {}", stamp(at_ms)));
                session.reopen();
            }
            session.record.node_id = Some(event.node_id.clone());
            if let Some(client) = text(data, "client") {
                session.record.client = Some(client.to_owned());
            }
            if let Some(project) = text(data, "project_dir") {
                session.record.project_dir = Some(project.to_owned());
            }
        }
        "chats.ended" => {
            let detail = text(data, "detail").unwrap_or("");
            if text(data, "reason") == Some("ended") {
                session.record.node_id = Some(event.node_id.clone());
                session.state.clean_end_at_ms.get_or_insert(at_ms);
                session.state.interrupted_at_ms = None;
                session.note(if detail.is_empty() {
                    "ended: session.end".to_owned()
                } else {
                    format!("ended: {detail}")
                });
                if is_too_long(detail) {
                    session.state.too_long = true;
                }
            }
        }
        "chats.gone" if text(data, "reason") != Some("ended") => {
            session.interrupt(at_ms, "gone: no heartbeat from its session".to_owned());
        }
        "chats.away" if text(data, "reason") == Some("node stopping") => {
            session.interrupt(
                at_ms,
                format!(
                    "interrupted: node {} stopped without ending it",
                    event.node_id
                ),
            );
        }
        "chats.back"
            if session.state.interrupted_at_ms.is_some()
                && !session.record.resume_taken
                && !session.state.abandoned =>
        {
            session.state.interrupted_at_ms = None;
            session.note("back: its session spoke again".to_owned());
        }
        "resume.offered" => {
            session.record.resume_offered = true;
            session.interrupt(
                at_ms,
                format!(
                    "resume offered ({})",
                    text(data, "reason").unwrap_or("interrupted")
                ),
            );
        }
        "resume.restored" => {
            session.record.resume_offered = true;
            session.record.resume_taken = true;
            session.interrupt(at_ms, "resume taken by a later session".to_owned());
        }
        "risk.level_changed" => {
            let level = match text(data, "to") {
                Some("warning") => RiskLevel::Warning,
                Some("danger") => RiskLevel::Danger,
                Some("safe") => RiskLevel::Safe,
                _ => return *session != before,
            };
            if !session.is_over() {
                session.close_level(at_ms);
                session.state.level = Some(level);
                session.state.level_since_ms = Some(at_ms);
            }
            if level != RiskLevel::Safe
                && !session.record.levels.iter().any(|seen| seen.level == level)
            {
                session.record.levels.push(LevelReached {
                    level,
                    at_ms,
                    tool_calls: data
                        .get("tool_calls")
                        .and_then(Value::as_u64)
                        .unwrap_or(session.record.tool_calls),
                });
            }
        }
        "checkpoint.saved" => {
            session.record.checkpoints += 1;
            if session
                .record
                .last_checkpoint_at_ms
                .is_none_or(|last| last <= at_ms)
            {
                session.record.last_checkpoint_at_ms = Some(at_ms);
                session.record.last_checkpoint_tool_calls = Some(
                    data.get("tool_calls")
                        .and_then(Value::as_u64)
                        .unwrap_or(session.record.tool_calls),
                );
            }
        }
        // Only an automatic compaction is forced; a manual one, or one whose cause is unknown, is not counted.
        "signals.compacting" | "signals.compacted" | "telemetry.compaction"
            if text(data, "trigger") == Some("auto") && !session.state.compacted =>
        {
            session.state.compacted = true;
            session.note(format!("{}: automatic compaction", event.kind));
        }
        "signals.turn_failed" | "telemetry.api_error" => {
            let error = text(data, "error").unwrap_or("unknown error");
            session.state.last_turn_failed = true;
            session.state.failed_at_tool_calls = Some(session.record.tool_calls);
            session.state.failed_at_ms = Some(record_time_ms(event).unwrap_or(at_ms));
            if is_too_long(error) {
                session.state.too_long = true;
            }
            session.note(format!("{}: {error}", event.kind));
        }
        "telemetry.api_request"
            if session.state.last_turn_failed
                && session
                    .state
                    .failed_at_ms
                    .is_none_or(|failed_at| record_time_ms(event).unwrap_or(at_ms) > failed_at) =>
        {
            session.state.last_turn_failed = false;
            session.state.failed_at_tool_calls = None;
            session.state.failed_at_ms = None;
            session.note("a later API request succeeded".to_owned());
        }
        _ => {}
    }
    session.settle(at_ms);
    *session != before
}

/// A telemetry event's own time (`record_time`, the OTLP record's time) in milliseconds since the epoch.
fn record_time_ms(event: &Event) -> Option<u64> {
    event
        .data
        .get("record_time")
        .and_then(Value::as_str)
        .and_then(parse_ts)
}

/// Milliseconds since the epoch as RFC 3339 (UTC, seconds).
pub fn stamp(at_ms: u64) -> String {
    humantime::format_rfc3339_seconds(
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(at_ms),
    )
    .to_string()
}

/// RFC 3339 with milliseconds.
pub fn stamp_millis(at_ms: u64) -> String {
    humantime::format_rfc3339_millis(
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(at_ms),
    )
    .to_string()
}

/// Parses an event's `ts` (RFC 3339) into milliseconds since the epoch.
pub fn parse_ts(ts: &str) -> Option<u64> {
    humantime::parse_rfc3339_weak(ts)
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|since| since.as_millis() as u64)
}

#[cfg(test)]
mod tests;
