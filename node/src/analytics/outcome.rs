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
//!    no request succeeded after it (telemetry by the records' own `record_time`: Claude Code exports it in
//!    batches, so a request made before the failure can arrive after it);
//! 3. `resumed` / `abandoned` / `interrupted`: its process went away without an end (`chats.gone` from the
//!    registry, `chats.away` with reason `process_exited` from recovery, a `resume.offered` naming it, its
//!    node stopping without ending it); `resumed` once a later
//!    session took its resume (`resume.restored`), `abandoned` once nobody did in time or a later session in
//!    its project ended without taking it;
//! 4. `compacted`: its context was compacted automatically (PreCompact or PostCompact with trigger `auto`,
//!    `telemetry.compaction`);
//! 5. `clean`.
//!
//! **Order.** Nodes share one consumer, so a chat's events reach the ledger in any order (two nodes apply
//! neighbouring events at once; an event handed back comes again later). A record therefore keeps its
//! evidence, [`Fact`]s with the events' own times, sorted by time, and everything else in it is rebuilt from
//! them by playing them in that order: the same events give the same record whatever order they came in, and
//! an event delivered twice is kept once. At most [`MAX_FACTS`] facts are kept per chat; a run of successful
//! API requests is kept as its first and last (the ones in between change nothing), and past the cap the
//! oldest of the frequent kinds (checkpoints, risk changes, API requests and errors) go first.
//!
//! **Restart.** A chat that starts again after its session ended (`chats.started` after a clean end: Claude
//! Code's `--resume`, a new `session.start` under the same id) begins a new session in the same record:
//! flags, levels, time at levels, checkpoints, tool calls and evidence start over, the first evidence line
//! names the previous session's outcome, and that outcome stays in the store as the `sessions.outcome` event
//! published when it was decided. One that starts again after an interruption (its node came back and its
//! client re-attached) is the same session going on: it is open again and keeps its evidence.
//!
//! **Usage.** The API requests of a session (how many, their cost and duration) and its routed prompts and
//! overrides are sums, which the capped facts cannot give: they are kept beside the facts, each event counted
//! once whatever order it comes in, and start from zero when a new session begins in the record (see
//! [`usage`]). `routing.counted` and `routing.override` only count there; they are not evidence.

pub mod usage;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use shim_protocol::{
    Event,
    messages::{LevelReached, RiskLevel, SessionOutcome, SessionRecord},
};
use usage::{Counted, Usage};

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
    /// The evidence the rest is rebuilt from: the events applied, in time order.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The usage sums, kept beside the facts (see [`usage`]).
    #[serde(default)]
    pub usage: Usage,
}

/// Most facts kept per chat: about 100 bytes each, so a record stays well under a KV value's limit.
pub const MAX_FACTS: usize = 512;

/// The data fields of an event that the ledger reads; the rest is not kept.
const FACT_FIELDS: [&str; 8] = [
    "client",
    "project_dir",
    "reason",
    "detail",
    "to",
    "tool_calls",
    "trigger",
    "error",
];

/// The kind of the fact the sweeper adds when it marks a session abandoned.
const ABANDONED: &str = "ledger.abandoned";

/// One event as evidence: its time, kind, node (for the kinds that name it) and the fields the ledger reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    /// The event's time.
    pub at_ms: u64,
    /// The event's kind (`chats.ended`, ...), or `ledger.abandoned`.
    pub kind: String,
    /// The node that published it, for `chats.started`, `chats.ended` and `chats.away`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node_id: Option<String>,
    /// The fields of its data the ledger reads.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub data: serde_json::Map<String, Value>,
}

impl Fact {
    /// The evidence `event` gives at `at_ms`.
    pub fn from_event(event: &Event, at_ms: u64) -> Fact {
        let data = FACT_FIELDS
            .iter()
            .filter_map(|key| {
                let value = match event.data.get(*key)? {
                    Value::String(text) => {
                        Value::String(text.chars().take(EVIDENCE_CHARS).collect())
                    }
                    value @ (Value::Number(_) | Value::Bool(_)) => value.clone(),
                    _ => return None,
                };
                Some(((*key).to_owned(), value))
            })
            .collect();
        let names_node = matches!(
            event.kind.as_str(),
            "chats.started" | "chats.ended" | "chats.away"
        );
        Fact {
            at_ms: record_time_ms(event, at_ms).unwrap_or(at_ms),
            kind: event.kind.clone(),
            node_id: names_node.then(|| event.node_id.clone()),
            data,
        }
    }

    /// The order facts are played in: by time, then (for the same millisecond) by kind, node and data, so
    /// that it is a total order that does not depend on arrival.
    fn order(&self, other: &Fact) -> std::cmp::Ordering {
        (self.at_ms, &self.kind, &self.node_id)
            .cmp(&(other.at_ms, &other.kind, &other.node_id))
            .then_with(|| {
                Value::Object(self.data.clone())
                    .to_string()
                    .cmp(&Value::Object(other.data.clone()).to_string())
            })
    }

    /// Kinds a session has many of; they are dropped first past [`MAX_FACTS`].
    fn is_frequent(&self) -> bool {
        matches!(
            self.kind.as_str(),
            "checkpoint.saved"
                | "risk.level_changed"
                | "telemetry.api_request"
                | "telemetry.api_error"
                | "signals.turn_failed"
        )
    }

    fn text(&self, key: &str) -> Option<&str> {
        self.data.get(key).and_then(Value::as_str)
    }
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
    /// It hit the context wall.
    #[serde(default)]
    pub too_long: bool,
    /// When the current session began by a restart (a `chats.started` after a clean end); `None` in the
    /// chat's first session. Usage timed before it belongs to an earlier session.
    #[serde(default)]
    pub restarted_at_ms: Option<u64>,
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
                api_requests: 0,
                cost_usd: None,
                api_duration_ms: 0,
                routed: 0,
                overrides: 0,
            },
            state: LedgerState::default(),
            facts: Vec::new(),
            usage: Usage::default(),
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

    /// Begins a new session in this record at `at_ms` (see the module docs): only the chat's identity is
    /// carried over.
    fn restart(&mut self, at_ms: u64) {
        let previous = self
            .record
            .outcome
            .map_or("no outcome", |outcome| outcome.as_str());
        let ended = self
            .record
            .ended_at_ms
            .map_or_else(|| "?".to_owned(), stamp);
        let mut fresh = StoredSession::new(&self.record.chat_id, at_ms);
        fresh.record.client = self.record.client.take();
        fresh.record.project_dir = self.record.project_dir.take();
        fresh.note(format!(
            "chats.started again at {}; the session before ended {previous} at {ended}",
            stamp(at_ms)
        ));
        fresh.facts = std::mem::take(&mut self.facts);
        fresh.usage = std::mem::take(&mut self.usage);
        fresh.state.restarted_at_ms = Some(at_ms);
        *self = fresh;
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
        let mut data = serde_json::Map::new();
        data.insert(
            "detail".to_owned(),
            Value::String(why.chars().take(EVIDENCE_CHARS).collect()),
        );
        self.record_fact(Fact {
            at_ms,
            kind: ABANDONED.to_owned(),
            node_id: None,
            data,
        })
    }

    /// Adds `fact` to the evidence and rebuilds the record from it; true when anything changed.
    pub fn record_fact(&mut self, fact: Fact) -> bool {
        let before = self.clone();
        let at = self.facts.binary_search_by(|kept| kept.order(&fact)).err();
        let Some(at) = at else {
            return false;
        };
        self.facts.insert(at, fact);
        collapse_request_runs(&mut self.facts);
        while self.facts.len() > MAX_FACTS {
            let oldest = self.facts.iter().position(Fact::is_frequent).unwrap_or(0);
            self.facts.remove(oldest);
        }
        self.rebuild();
        *self != before
    }

    /// Rebuilds the record and the ledger's state by playing the facts in order on a fresh session.
    fn rebuild(&mut self) {
        let facts = std::mem::take(&mut self.facts);
        let first_at = facts
            .first()
            .map_or(self.record.started_at_ms, |first| first.at_ms);
        let mut fresh = StoredSession::new(&self.record.chat_id, first_at);
        for fact in &facts {
            fresh.step(fact);
        }
        fresh.facts = facts;
        fresh.usage = std::mem::take(&mut self.usage);
        *self = fresh;
        self.settle_usage();
    }

    /// Puts the usage of the current session (the one that began at the last restart) into the record.
    fn settle_usage(&mut self) {
        self.usage.begin(self.state.restarted_at_ms);
        self.usage.fill(&mut self.record);
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

/// The kinds of event that concern a session's record.
pub const SESSION_KINDS: [&str; 18] = [
    "chats.started",
    "chats.ended",
    "chats.gone",
    "chats.away",
    "chats.back",
    "resume.offered",
    "resume.restored",
    "risk.level_changed",
    "checkpoint.saved",
    "signals.session_ended",
    "signals.compacting",
    "signals.compacted",
    "signals.turn_failed",
    "telemetry.api_error",
    "telemetry.api_request",
    "telemetry.compaction",
    "routing.counted",
    "routing.override",
];

/// The events that concern a session's record.
pub fn concerns_sessions(kind: &str) -> bool {
    SESSION_KINDS.contains(&kind)
}

/// Applies one event at `at_ms` to the session; returns true when the record changed. The order events are
/// applied in does not matter (see the module docs).
pub fn apply(session: &mut StoredSession, event: &Event, at_ms: u64) -> bool {
    let fact = Fact::from_event(event, at_ms);
    let counted_opt = Counted::of(event, fact.at_ms);
    let recorded = !USAGE_ONLY.contains(&event.kind.as_str()) && session.record_fact(fact);
    let counted = counted_opt.is_some_and(|counted| session.usage.count(counted));
    if counted {
        session.settle_usage();
    }
    recorded || counted
}

/// The kinds of event that only count into a session's usage: they are no evidence of how it ends.
const USAGE_ONLY: [&str; 2] = ["routing.counted", "routing.override"];

/// Keeps each run of three or more successful API requests as its first and last: the ones between change
/// nothing whatever comes later (a request only ever clears a failure before it).
fn collapse_request_runs(facts: &mut Vec<Fact>) {
    let is_request = |fact: &Fact| fact.kind == "telemetry.api_request";
    let mut index = 1;
    while index + 1 < facts.len() {
        if is_request(&facts[index - 1])
            && is_request(&facts[index])
            && is_request(&facts[index + 1])
        {
            facts.remove(index);
        } else {
            index += 1;
        }
    }
}

impl StoredSession {
    /// Plays one fact onto the session, in time order (the sequential rules of the module docs).
    fn step(&mut self, fact: &Fact) {
        let session = self;
        let at_ms = fact.at_ms;
        let kind = fact.kind.as_str();
        session.record.last_seen_ms = session.record.last_seen_ms.max(at_ms);
        session.record.started_at_ms = session.record.started_at_ms.min(at_ms);
        if kind == "chats.started" {
            if session.state.clean_end_at_ms.is_some() {
                session.restart(at_ms);
            } else if session.state.interrupted_at_ms.is_some() {
                // The same session going on (its node came back and its client re-attached).
                session.note(format!(
                    "chats.started again at {}: it went on after the interruption",
                    stamp(at_ms)
                ));
                session.state.interrupted_at_ms = None;
                session.state.abandoned = false;
                session.record.ended_at_ms = None;
            }
        }
        if let Some(calls) = fact.data.get("tool_calls").and_then(Value::as_u64) {
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
            session.note(format!("{kind}: tool calls went on after the failed turn"));
        }
        let node_id = fact.node_id.clone().unwrap_or_default();
        match kind {
            "chats.started" => {
                session.record.node_id = Some(node_id);
                if let Some(client) = fact.text("client") {
                    session.record.client = Some(client.to_owned());
                }
                if let Some(project) = fact.text("project_dir") {
                    session.record.project_dir = Some(project.to_owned());
                }
            }
            "chats.ended" => {
                let detail = fact.text("detail").unwrap_or("");
                if fact.text("reason") == Some("ended") {
                    session.record.node_id = Some(node_id);
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
            "chats.gone" if fact.text("reason") != Some("ended") => {
                session.interrupt(at_ms, "gone: no heartbeat from its session".to_owned());
            }
            "chats.away"
                if fact.text("reason")
                    == Some(shim_protocol::messages::Interruption::PROCESS_EXITED) =>
            {
                session.interrupt(
                    at_ms,
                    format!("interrupted: its process exited (recovered by node {node_id})"),
                );
            }
            "chats.away" if fact.text("reason") == Some("node stopping") => {
                session.interrupt(
                    at_ms,
                    format!("interrupted: node {node_id} stopped without ending it"),
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
                        fact.text("reason").unwrap_or("interrupted")
                    ),
                );
            }
            "resume.restored" => {
                session.record.resume_offered = true;
                session.record.resume_taken = true;
                session.interrupt(at_ms, "resume taken by a later session".to_owned());
            }
            ABANDONED
                if session.state.interrupted_at_ms.is_some()
                    && !session.record.resume_taken
                    && !session.state.abandoned =>
            {
                session.state.abandoned = true;
                session.note(fact.text("detail").unwrap_or("abandoned").to_owned());
            }
            "risk.level_changed" => {
                let level = match fact.text("to") {
                    Some("warning") => RiskLevel::Warning,
                    Some("danger") => RiskLevel::Danger,
                    Some("safe") => RiskLevel::Safe,
                    _ => return session.settle(at_ms),
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
                        tool_calls: fact
                            .data
                            .get("tool_calls")
                            .and_then(Value::as_u64)
                            .unwrap_or(session.record.tool_calls),
                    });
                }
            }
            "checkpoint.saved" => {
                session.record.checkpoints += 1;
                session.record.last_checkpoint_at_ms = Some(at_ms);
                session.record.last_checkpoint_tool_calls = Some(
                    fact.data
                        .get("tool_calls")
                        .and_then(Value::as_u64)
                        .unwrap_or(session.record.tool_calls),
                );
            }
            // Only an automatic compaction is forced; a manual one, or one whose cause is unknown, is not
            // counted.
            "signals.compacting" | "signals.compacted" | "telemetry.compaction"
                if fact.text("trigger") == Some("auto") && !session.state.compacted =>
            {
                session.state.compacted = true;
                session.note(format!("{kind}: automatic compaction"));
            }
            "signals.turn_failed" | "telemetry.api_error" => {
                let error = fact.text("error").unwrap_or("unknown error");
                session.state.last_turn_failed = true;
                session.state.failed_at_tool_calls = Some(session.record.tool_calls);
                if is_too_long(error) {
                    session.state.too_long = true;
                }
                session.note(format!("{kind}: {error}"));
            }
            "telemetry.api_request" if session.state.last_turn_failed => {
                session.state.last_turn_failed = false;
                session.state.failed_at_tool_calls = None;
                session.note("a later API request succeeded".to_owned());
            }
            _ => {}
        }
        session.settle(at_ms);
    }
}

/// Most a telemetry record's own time may lie before its event (Claude Code exports every few seconds; a
/// batch retried for long is still placed where it happened), and after it (clocks a little apart).
const RECORD_TIME_BEFORE_MS: u64 = 3_600_000;
const RECORD_TIME_AFTER_MS: u64 = 60_000;

/// A telemetry event's own time (`record_time`, the OTLP record's time) in milliseconds since the epoch, when
/// it is within an hour before the event's time `at_ms` and a minute after; a batch exported late is then
/// placed where it happened, and an absurd time cannot move a fact anywhere else.
fn record_time_ms(event: &Event, at_ms: u64) -> Option<u64> {
    if !event.kind.starts_with("telemetry.") {
        return None;
    }
    event
        .data
        .get("record_time")
        .and_then(Value::as_str)
        .and_then(parse_ts)
        .filter(|time| {
            (at_ms.saturating_sub(RECORD_TIME_BEFORE_MS)..=at_ms + RECORD_TIME_AFTER_MS)
                .contains(time)
        })
}

/// Milliseconds since the epoch as RFC 3339 (UTC, seconds).
pub fn stamp(at_ms: u64) -> String {
    humantime::format_rfc3339_seconds(stamped_time(at_ms)).to_string()
}

/// RFC 3339 with milliseconds.
pub fn stamp_millis(at_ms: u64) -> String {
    humantime::format_rfc3339_millis(stamped_time(at_ms)).to_string()
}

/// The last millisecond RFC 3339 can write (the end of the year 9999).
pub const LATEST_STAMPED_MS: u64 = 253_402_300_799_999;

/// `at_ms` as a time RFC 3339 can write: a later one (from a request, say) is written as the last of 9999,
/// where the formatter would fail.
fn stamped_time(at_ms: u64) -> std::time::SystemTime {
    std::time::UNIX_EPOCH + std::time::Duration::from_millis(at_ms.min(LATEST_STAMPED_MS))
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
