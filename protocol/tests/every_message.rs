//! Every message type on the wire, each from a sample with every field set: it round-trips (MessagePack as
//! sent, JSON as stored in KV), its JSON shape is pinned, an old reader skips a field a new writer adds, a
//! new reader defaults every field an old writer may lack (and refuses one that was always there), and its
//! bytes match `tests/fixtures/messages.golden` (regenerate with `SHIM_BLESS=1 cargo test -p shim-protocol`).
//!
//! Samples are JSON, so a field's Rust type may change (a string becoming an enum with the same names)
//! without touching this file, as long as the wire stays the same.

use std::{collections::BTreeMap, fmt::Debug};

use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Value, json};
use shim_protocol::{codec, messages::*};

/// A field a later release might add, of a shape no type here has.
const FROM_A_LATER_RELEASE: &str = "field_from_a_later_release";

/// Checks one message type; returns its name and the hex of its MessagePack encoding.
fn check<T>(name: &'static str, sample: Value, required: &[&str]) -> (&'static str, String)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    check_shape::<T>(name, sample, required, Value::Object)
}

/// [`check`], where the fields to add and leave out are those of `sample` as `inner` finds them, and
/// `outer` wraps them again (an enum variant's fields sit inside its tag).
fn check_shape<T>(
    name: &'static str,
    sample: Value,
    required: &[&str],
    outer: impl Fn(serde_json::Map<String, Value>) -> Value,
) -> (&'static str, String)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let value: T = serde_json::from_value(sample.clone())
        .unwrap_or_else(|error| panic!("{name}: the sample does not decode: {error}"));
    // The JSON shape is pinned: every field name and enum spelling as the sample has it.
    assert_eq!(
        serde_json::to_value(&value).expect("to json"),
        sample,
        "{name}: JSON shape"
    );
    // MessagePack, as requests and replies travel.
    let bytes = codec::encode(&value).expect("encodes");
    let back: T = codec::decode(&bytes).expect("decodes");
    assert_eq!(back, value, "{name}: MessagePack round trip");
    // JSON text, as the task queue and registry store records.
    let text = serde_json::to_string(&value).expect("to json text");
    let back: T = serde_json::from_str(&text).expect("from json text");
    assert_eq!(back, value, "{name}: JSON round trip");

    let inner = match &sample {
        Value::Object(tagged)
            if tagged.len() == 1 && outer(serde_json::Map::new()) != json!({}) =>
        {
            tagged.values().next().cloned()
        }
        other => Some(other.clone()),
    };
    if let Some(Value::Object(fields)) = &inner {
        // An old reader: a new writer's extra field is skipped.
        let mut newer = fields.clone();
        newer.insert(
            FROM_A_LATER_RELEASE.to_owned(),
            json!({"nested": [1, "two", null], "flag": true}),
        );
        let back: T = codec::decode(&codec::encode(&outer(newer)).expect("encodes"))
            .unwrap_or_else(|error| panic!("{name}: an old reader refuses a new field: {error}"));
        assert_eq!(back, value, "{name}: old reader, new writer");
        // A new reader: a field an old writer lacks defaults, unless it was there from the start.
        for field in fields.keys() {
            let mut older = fields.clone();
            older.remove(field);
            let decoded = codec::decode::<T>(&codec::encode(&outer(older)).expect("encodes"));
            if required.contains(&field.as_str()) {
                assert!(
                    decoded.is_err(),
                    "{name}: {field} is required, yet a payload without it decodes"
                );
            } else {
                decoded.unwrap_or_else(|error| {
                    panic!("{name}: an old writer without {field} is refused: {error}")
                });
            }
        }
        for field in required {
            assert!(fields.contains_key(*field), "{name}: sample lacks {field}");
        }
    }
    (name, hex(&bytes))
}

/// Checks every variant of an enum the wire carries as a name or a tagged object; `required` names the
/// fields a variant has had from the start.
fn check_variants<T>(
    name: &'static str,
    variants: &[Value],
    required: &[&str],
) -> (&'static str, String)
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let mut all = Vec::new();
    for sample in variants {
        let (_, bytes) = match sample {
            // A variant with fields: they follow the rules of a struct's, inside the tag.
            Value::Object(tagged) => {
                let tag = tagged.keys().next().cloned().expect("a tag");
                let fields = tagged[&tag].as_object().cloned().unwrap_or_default();
                let required: Vec<&str> = required
                    .iter()
                    .copied()
                    .filter(|field| fields.contains_key(*field))
                    .collect();
                check_shape::<T>(
                    name,
                    sample.clone(),
                    &required,
                    move |fields| json!({ tag.clone(): Value::Object(fields) }),
                )
            }
            _ => check::<T>(name, sample.clone(), &[]),
        };
        all.push(bytes);
    }
    // An unknown variant is an error, not a panic or a silent default.
    assert!(
        codec::decode::<T>(&codec::encode(&json!("from_a_later_release")).expect("encodes"))
            .is_err()
    );
    (name, all.join(" "))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

fn snapshot() -> Value {
    json!({
        "message_count": 12, "tokens_used": 120000, "context_window": 200000, "context_ratio": 0.6,
        "tool_calls": 40, "tool_failures": 2, "recent_failure_rate": 0.05, "last_latency_ms": 900,
        "baseline_latency_ms": 800, "session_minutes": 35.5, "tool_calls_since_checkpoint": 7,
        "compactions": 1, "api_failures": 0, "api_requests": 9, "api_errors": 1,
        "output_tokens": 5000, "cost_usd": 1.25, "model": "claude-sonnet-4-5",
        "seconds_since_checkpoint": 120
    })
}

fn risk() -> Value {
    json!({
        "chat_id": "c1", "level": "danger", "score": 0.9, "reasons": ["context 85% full"],
        "signals": snapshot(), "advice": "checkpoint now"
    })
}

fn chat_info() -> Value {
    json!({
        "chat_id": "c1", "name": "parser", "project_dir": "/home/dev/parser", "client": "claude-code",
        "started_at_ms": 1_764_000_000_000u64, "last_active_ms": 1_764_000_360_000u64, "requests": 12
    })
}

fn claimed() -> Value {
    json!({
        "task_id": "t1", "title": "port the lexer", "instructions": "all of it", "priority": "high",
        "attempt": 2, "supervisor_chat_id": "s1"
    })
}

fn task_record() -> Value {
    json!({
        "task_id": "t1", "title": "port the lexer", "instructions": "all of it", "priority": "critical",
        "depends_on": ["t0"], "capabilities": ["rust"], "idempotency_key": "k1",
        "supervisor_chat_id": "s1", "status": "in_progress", "progress": 42.5, "note": "halfway",
        "worker_chat_id": "w1", "workers": ["w0", "w1"], "attempts": 2, "max_attempts": 3,
        "enqueued": true, "enqueues": 1, "dependents": ["t2"], "result": "done", "error": "flaky",
        "created_at_ms": 1, "claimed_at_ms": 2, "updated_at_ms": 3, "finished_at_ms": 4,
        "ack_subject": "$JS.ACK.SHIM_TASKS.c.1.2.3.4.0"
    })
}

fn chat_entry() -> Value {
    json!({
        "chat_id": "w1", "node_id": "n1", "role": "worker", "name": "lexer", "capabilities": ["rust"],
        "status": "busy", "current_task": "t1", "last_heartbeat_ms": 5,
        "interrupted": {"at_ms": 9_000, "detected": "process_exited", "node_id": "n1"}
    })
}

fn checkpoint_summary() -> Value {
    json!({
        "checkpoint_id": "c1:3", "chat_id": "c1", "seq": 3, "created_at_ms": 9, "trigger": "pre_compact",
        "bytes": 2048, "summary": "porting", "project_dir": "/p"
    })
}

fn session_record() -> Value {
    json!({
        "chat_id": "c1", "node_id": "n1", "client": "claude-code", "project_dir": "/p",
        "started_at_ms": 1_000, "ended_at_ms": 9_000, "last_seen_ms": 9_000, "tool_calls": 40,
        "levels": [{"level": "warning", "at_ms": 5_000, "tool_calls": 30}],
        "time_at_level_ms": {"safe": 4_000, "warning": 4_000},
        "checkpoints": 2, "last_checkpoint_tool_calls": 36, "last_checkpoint_at_ms": 8_000,
        "resume_offered": true, "resume_taken": true, "outcome": "resumed",
        "evidence": ["chats.gone: no heartbeat for 90 s", "resume.restored by c2"],
        "api_requests": 12, "cost_usd": 0.25, "api_duration_ms": 30_000, "routed": 5, "overrides": 1
    })
}

fn quartiles() -> Value {
    json!({"p25": 1.0, "median": 2.5, "p75": 4.0})
}

fn spread() -> Value {
    json!({"p50": 3.0, "p95": 9.5, "max": 20.0})
}

fn level_prediction() -> Value {
    json!({
        "flagged": 8, "true_positives": 6, "precision": 0.75, "recall": 0.6,
        "lead_minutes": quartiles(), "lead_tool_calls": quartiles()
    })
}

fn coverage() -> Value {
    json!({"n": 5, "interrupted": 4, "with_checkpoint": 3, "share": 0.75})
}

fn crash_prediction() -> Value {
    json!({
        "sessions": 20, "bad_outcomes": 10,
        "levels": {"danger": level_prediction(), "warning": level_prediction()},
        "checkpoint_within_last_n": coverage(), "sessions_truncated": false
    })
}

fn category_routing() -> Value {
    json!({"category": "debugging", "decisions": 40, "overrides": 5, "override_rate": 0.125, "overrides_up": 4, "overrides_down": 1})
}

fn routing_stats() -> Value {
    json!({
        "decisions": 40, "by_tier": {"haiku": 10, "opus": 10, "sonnet": 20}, "overrides": 5,
        "by_category": [category_routing()]
    })
}

fn spend_stats() -> Value {
    json!({"estimated_usd": 1.5, "actual_usd": 2.0, "always_opus_usd": 6.0, "savings_usd": 4.5})
}

fn queue_stats() -> Value {
    json!({
        "submitted": 10, "completed": 8, "failed": 1, "cancelled": 1, "dead": 0,
        "wait_ms": spread(), "run_ms": spread()
    })
}

fn every_message() -> Vec<(&'static str, String)> {
    vec![
        // node
        check::<HelloRequest>(
            "HelloRequest",
            json!({"client": "shim-node mcp"}),
            &["client"],
        ),
        check::<HelloReply>(
            "HelloReply",
            json!({"node_id": "n1", "protocol": 1, "version": "0.1.0", "uptime_s": 3}),
            &["node_id", "protocol", "version", "uptime_s"],
        ),
        check::<StatusRequest>("StatusRequest", json!({"chat_id": "c1"}), &[]),
        check::<ActorInfo>(
            "ActorInfo",
            json!({"name": "supervisor", "kind": "supervisor", "status": "restarting", "restarts": 2}),
            &["name", "kind", "status", "restarts"],
        ),
        check_variants::<ActorStatus>(
            "ActorStatus",
            &[json!("running"), json!("restarting"), json!("failed")],
            &[],
        ),
        check::<StatusReply>(
            "StatusReply",
            json!({
                "node_id": "n1", "chat_id": "c1", "nats_url": "nats://127.0.0.1:4222", "uptime_s": 360,
                "version": "0.1.0",
                "actors": [{"name": "supervisor", "kind": "supervisor", "status": "running", "restarts": 0}],
                "chat": chat_info()
            }),
            &["node_id", "nats_url", "uptime_s", "version", "actors"],
        ),
        // chat
        check::<SessionStartRequest>(
            "SessionStartRequest",
            json!({
                "chat_id": "c1", "project_dir": "/p", "name": "n", "client": "cli", "claude_pid": 4242,
                "process": {"pid": 4243, "started": 98_765, "boot_id": "5f0e6c1a-boot"}
            }),
            &[],
        ),
        check::<ChatProcess>(
            "ChatProcess",
            json!({"pid": 4243, "started": 98_765, "boot_id": "5f0e6c1a-boot"}),
            &["pid"],
        ),
        check::<SessionStartReply>(
            "SessionStartReply",
            json!({"chat_id": "c1", "node_id": "n1", "created": true}),
            &["chat_id", "node_id", "created"],
        ),
        check::<SessionEndRequest>(
            "SessionEndRequest",
            json!({"chat_id": "c1", "reason": "done"}),
            &["chat_id"],
        ),
        check::<SessionEndReply>("SessionEndReply", json!({"chat_id": "c1"}), &["chat_id"]),
        check::<ChatInfo>(
            "ChatInfo",
            chat_info(),
            &["chat_id", "started_at_ms", "last_active_ms", "requests"],
        ),
        // signals
        check_variants::<SignalSource>(
            "SignalSource",
            &[
                json!("mcp"),
                json!("hook"),
                json!("status_line"),
                json!("transcript"),
                json!("telemetry"),
            ],
            &[],
        ),
        check_variants::<SignalEvent>(
            "SignalEvent",
            &[
                json!({"tool_call": {"tool": "Bash", "ok": false, "duration_ms": 12, "arguments": "ls", "result": "denied"}}),
                json!("user_prompt"),
                json!({"turn_ended": {"latency_ms": 900}}),
                json!({"turn_failed": {"error": "overloaded"}}),
                json!("pre_compact"),
                json!("post_compact"),
                json!({"usage": {"tokens_used": 1000, "context_window": 200000, "used_percentage": 0.5, "cost_usd": 0.25, "model": "m"}}),
                json!({"reported": {"message_count": 1, "tokens_used": 2, "context_window": 3, "tool_calls": 4, "tool_failures": 5, "last_latency_ms": 6}}),
                json!({"api_request": {"model": "m", "duration_ms": 1234, "input_tokens": 10, "output_tokens": 20, "cache_read_tokens": 30, "cache_creation_tokens": 40, "cost_usd": 0.01}}),
                json!({"api_error": {"model": "m", "error": "overloaded", "status_code": 529, "attempt": 2}}),
                json!({"session_ended": {"reason": "exit"}}),
            ],
            &["tool", "ok"],
        ),
        check::<SignalBatch>(
            "SignalBatch",
            json!({
                "chat_id": "c1", "source": "hook", "at_ms": 7, "events": ["user_prompt"],
                "transcript_path": "/t.jsonl", "prompt": "go on", "trigger": "auto"
            }),
            &["chat_id", "source", "at_ms", "events"],
        ),
        check_variants::<RiskLevel>(
            "RiskLevel",
            &[json!("safe"), json!("warning"), json!("danger")],
            &[],
        ),
        check::<SignalSnapshot>(
            "SignalSnapshot",
            snapshot(),
            &[
                "message_count",
                "context_window",
                "tool_calls",
                "tool_failures",
                "recent_failure_rate",
                "baseline_latency_ms",
                "session_minutes",
                "tool_calls_since_checkpoint",
                "compactions",
                "api_failures",
            ],
        ),
        check::<RiskReport>(
            "RiskReport",
            risk(),
            &["chat_id", "level", "score", "reasons", "signals"],
        ),
        check::<RiskRequest>("RiskRequest", json!({"chat_id": "c1"}), &["chat_id"]),
        // checkpoints
        check_variants::<CheckpointTrigger>(
            "CheckpointTrigger",
            &[
                json!("explicit"),
                json!("tool_calls"),
                json!("interval"),
                json!("risk_warning"),
                json!("risk_danger"),
                json!("pre_compact"),
                json!("stop"),
            ],
            &[],
        ),
        check::<ConversationState>(
            "ConversationState",
            json!({"summary": "s", "decisions": ["d"], "current_context": "c", "recent_messages": ["m"]}),
            &["summary"],
        ),
        check::<TaskState>(
            "TaskState",
            json!({"operation": "o", "phase": "p", "progress": 0.5, "completed_steps": ["a"], "next_steps": ["b"], "blockers": ["c"]}),
            &[],
        ),
        check::<FileState>(
            "FileState",
            json!({"active": ["a"], "modified": ["m"], "staged": ["s"], "untracked": ["u"], "diff": "+x", "branch": "main", "head": "abc"}),
            &[],
        ),
        check::<ToolCallRecord>(
            "ToolCallRecord",
            json!({"tool": "Edit", "ok": true, "arguments": "a", "result": "r", "at_ms": 8}),
            &["tool", "ok", "at_ms"],
        ),
        check::<Checkpoint>(
            "Checkpoint",
            json!({
                "checkpoint_id": "c1:1", "chat_id": "c1", "seq": 1, "created_at_ms": 2, "trigger": "explicit",
                "project_dir": "/p",
                "conversation": {"summary": "s", "decisions": [], "current_context": "", "recent_messages": []},
                "task": {"operation": "", "phase": "", "progress": 0.0, "completed_steps": [], "next_steps": [], "blockers": []},
                "files": {"active": [], "modified": [], "staged": [], "untracked": [], "diff": "", "branch": null, "head": null},
                "tools": [{"tool": "Edit", "ok": true, "arguments": "", "result": "", "at_ms": 1}],
                "signals": snapshot(), "reason": "milestone"
            }),
            &[
                "checkpoint_id",
                "chat_id",
                "seq",
                "created_at_ms",
                "trigger",
                "conversation",
                "task",
                "files",
                "tools",
                "signals",
            ],
        ),
        check::<CheckpointInput>(
            "CheckpointInput",
            json!({
                "summary": "s", "current_task": "t", "phase": "p", "progress": 0.4, "decisions": ["d"],
                "completed_steps": ["c"], "next_steps": ["n"], "blockers": ["b"], "active_files": ["f"],
                "recent_messages": ["m"], "current_context": "x", "reason": "r"
            }),
            &["summary"],
        ),
        check::<SaveCheckpointRequest>(
            "SaveCheckpointRequest",
            json!({
                "chat_id": "c1",
                "input": {
                    "summary": "s", "current_task": null, "phase": null, "progress": null, "decisions": [],
                    "completed_steps": [], "next_steps": [], "blockers": [], "active_files": [],
                    "recent_messages": [], "current_context": null, "reason": null
                }
            }),
            &["chat_id", "input"],
        ),
        check::<CheckpointSaved>(
            "CheckpointSaved",
            json!({"checkpoint_id": "c1:1", "seq": 1, "bytes": 300, "risk": risk()}),
            &["checkpoint_id", "seq", "bytes", "risk"],
        ),
        check::<CheckpointSummary>(
            "CheckpointSummary",
            checkpoint_summary(),
            &[
                "checkpoint_id",
                "chat_id",
                "seq",
                "created_at_ms",
                "trigger",
                "bytes",
                "summary",
            ],
        ),
        check::<ListCheckpointsRequest>(
            "ListCheckpointsRequest",
            json!({"chat_id": "c1", "limit": 5}),
            &[],
        ),
        check::<CheckpointList>(
            "CheckpointList",
            json!({"checkpoints": [checkpoint_summary()]}),
            &["checkpoints"],
        ),
        check::<GetCheckpointRequest>(
            "GetCheckpointRequest",
            json!({"checkpoint_id": "c1:1"}),
            &["checkpoint_id"],
        ),
        check_variants::<InterruptionReason>(
            "InterruptionReason",
            &[
                json!("crash"),
                json!("timeout"),
                json!("manual_exit"),
                json!("unknown"),
            ],
            &[],
        ),
        check::<ResumeCheckRequest>(
            "ResumeCheckRequest",
            json!({"project_dir": "/p", "chat_id": "c2"}),
            &["project_dir"],
        ),
        check::<ResumeRequest>(
            "ResumeRequest",
            json!({"checkpoint_id": "c1:1", "project_dir": "/p", "chat_id": "c2"}),
            &[],
        ),
        check::<ResumeOffer>(
            "ResumeOffer",
            json!({
                "resume_available": true, "checkpoint_id": "c1:1", "chat_id": "c1", "reason": "crash",
                "confidence": 0.8, "age_seconds": 60, "resume_prompt": "# Resume"
            }),
            &["resume_available"],
        ),
        // analytics
        check_variants::<SessionOutcome>(
            "SessionOutcome",
            &[
                json!("clean"),
                json!("interrupted"),
                json!("resumed"),
                json!("abandoned"),
                json!("compacted"),
                json!("api_error"),
                json!("too_long"),
            ],
            &[],
        ),
        check::<LevelReached>(
            "LevelReached",
            json!({"level": "warning", "at_ms": 1_000, "tool_calls": 12}),
            &["level", "at_ms", "tool_calls"],
        ),
        check::<SessionRecord>(
            "SessionRecord",
            session_record(),
            &["chat_id", "started_at_ms"],
        ),
        check::<SessionsRequest>(
            "SessionsRequest",
            json!({"since_ms": 1_000, "until_ms": 2_000, "outcome": "resumed", "limit": 50}),
            &["since_ms"],
        ),
        check::<SessionList>(
            "SessionList",
            json!({"sessions": [session_record()], "truncated": false}),
            &["sessions"],
        ),
        check::<SummaryRequest>(
            "SummaryRequest",
            json!({"since_ms": 1_000, "until_ms": 2_000, "last_calls": 5}),
            &["since_ms"],
        ),
        check::<Period>(
            "Period",
            json!({"since": "2026-12-01T00:00:00Z", "until": "2026-12-02T00:00:00Z"}),
            &["since", "until"],
        ),
        check::<Quartiles>("Quartiles", quartiles(), &[]),
        check::<Spread>("Spread", spread(), &[]),
        check::<LevelPrediction>(
            "LevelPrediction",
            level_prediction(),
            &[
                "flagged",
                "true_positives",
                "lead_minutes",
                "lead_tool_calls",
            ],
        ),
        check::<CheckpointCoverage>(
            "CheckpointCoverage",
            coverage(),
            &["n", "interrupted", "with_checkpoint"],
        ),
        check::<CrashPrediction>(
            "CrashPrediction",
            crash_prediction(),
            &[
                "sessions",
                "bad_outcomes",
                "levels",
                "checkpoint_within_last_n",
            ],
        ),
        check::<ResumeCounts>(
            "ResumeCounts",
            json!({"offered": 3, "taken": 2}),
            &["offered", "taken"],
        ),
        check::<CheckpointStats>(
            "CheckpointStats",
            json!({"count": 4, "latency_ms": spread()}),
            &["count", "latency_ms"],
        ),
        check::<CategoryRouting>(
            "CategoryRouting",
            category_routing(),
            &["category", "decisions", "overrides"],
        ),
        check::<RoutingStats>(
            "RoutingStats",
            routing_stats(),
            &["decisions", "by_tier", "overrides", "by_category"],
        ),
        check::<SpendStats>(
            "SpendStats",
            spend_stats(),
            &["estimated_usd", "always_opus_usd", "savings_usd"],
        ),
        check::<QueueStats>(
            "QueueStats",
            queue_stats(),
            &[
                "submitted",
                "completed",
                "failed",
                "cancelled",
                "dead",
                "wait_ms",
                "run_ms",
            ],
        ),
        check::<AnalyticsSummary>(
            "AnalyticsSummary",
            json!({
                "period": {"since": "2026-12-01T00:00:00Z", "until": "2026-12-02T00:00:00Z"},
                "sessions": 10, "outcomes": {"clean": 7, "resumed": 2, "open": 1},
                "interruption_rate": 0.22, "resumes": {"offered": 3, "taken": 2},
                "checkpoints": {"count": 4, "latency_ms": spread()},
                "risk_time_s": {"safe": 3_600.0, "warning": 60.0, "danger": 5.0},
                "routing": routing_stats(), "spend": spend_stats(), "queue": queue_stats(),
                "crash_prediction": crash_prediction(), "events_read": 1_234,
                "sessions_truncated": true
            }),
            &[
                "period",
                "sessions",
                "outcomes",
                "resumes",
                "checkpoints",
                "risk_time_s",
                "routing",
                "spend",
                "queue",
                "crash_prediction",
            ],
        ),
        // routing
        check::<RouteRequest>(
            "RouteRequest",
            json!({"prompt": "fix the typo", "strategy": "cost", "chat_id": "c1"}),
            &["prompt"],
        ),
        check::<RouteAlternative>(
            "RouteAlternative",
            json!({"model": "opus", "model_id": "claude-opus-4-1", "estimated_cost_usd": 0.5}),
            &["model", "model_id", "estimated_cost_usd"],
        ),
        check::<RouteReply>(
            "RouteReply",
            json!({
                "model": "haiku", "model_id": "claude-haiku-4-5", "confidence": 0.75, "reasoning": "simple",
                "estimated_input_tokens": 10, "estimated_output_tokens": 20, "estimated_cost_usd": 0.001,
                "alternatives": [{"model": "opus", "model_id": "claude-opus-4-1", "estimated_cost_usd": 0.5}],
                "complexity": "simple", "task_type": "edit", "overridden": false, "budget_note": "near the limit"
            }),
            &[
                "model",
                "model_id",
                "confidence",
                "reasoning",
                "estimated_input_tokens",
                "estimated_output_tokens",
                "estimated_cost_usd",
                "alternatives",
                "complexity",
                "task_type",
                "overridden",
            ],
        ),
        check::<OverrideRequest>(
            "OverrideRequest",
            json!({"prompt": "p", "recommended": "haiku", "chosen": "opus", "reason": "harder", "chat_id": "chat-1"}),
            &["prompt", "recommended", "chosen"],
        ),
        check::<OverrideReply>(
            "OverrideReply",
            json!({"category": "edit/simple", "overrides": 3, "prompts": 9, "adopted": "sonnet"}),
            &["category", "overrides", "prompts"],
        ),
        check::<LearnedPreference>(
            "LearnedPreference",
            json!({
                "category": "test", "tier": "opus", "overrides": 5, "shift": [-0.26, -1.5, 1.76],
                "evidence": "5 overrides (5 to opus) in 7 prompts", "at_ms": 9
            }),
            &[
                "category",
                "tier",
                "overrides",
                "shift",
                "evidence",
                "at_ms",
            ],
        ),
        // locks
        check::<LockRequest>(
            "LockRequest",
            json!({"chat_id": "c1", "resource": "repo/main", "ttl_seconds": 60}),
            &["chat_id", "resource"],
        ),
        check::<LockReply>(
            "LockReply",
            json!({"acquired": false, "holder": "c2", "fencing_token": 7, "expires_at_ms": 9}),
            &["acquired"],
        ),
        check::<ReleaseLockRequest>(
            "ReleaseLockRequest",
            json!({"chat_id": "c1", "resource": "repo/main"}),
            &["chat_id", "resource"],
        ),
        check::<ReleaseLockReply>("ReleaseLockReply", json!({"released": true}), &["released"]),
        // messages
        check::<SendMessageRequest>(
            "SendMessageRequest",
            json!({"from": "c1", "to": "broadcast", "text": "hi", "idempotency_key": "k"}),
            &["from", "to", "text"],
        ),
        check::<ChatMessage>(
            "ChatMessage",
            json!({"message_id": 4, "from": "c1", "to": "c2", "text": "hi", "sent_at_ms": 5}),
            &["message_id", "from", "to", "text", "sent_at_ms"],
        ),
        check::<ReadMessagesRequest>(
            "ReadMessagesRequest",
            json!({"chat_id": "c2", "wait_seconds": 30, "max": 10}),
            &["chat_id"],
        ),
        check::<MessageList>(
            "MessageList",
            json!({"messages": [{"message_id": 4, "from": "c1", "to": "c2", "text": "hi", "sent_at_ms": 5}]}),
            &["messages"],
        ),
        // registry
        check::<ChatEntry>(
            "ChatEntry",
            chat_entry(),
            &["chat_id", "node_id", "role", "status", "last_heartbeat_ms"],
        ),
        check::<Interruption>(
            "Interruption",
            json!({"at_ms": 9_000, "detected": "process_exited", "node_id": "n1"}),
            &["at_ms", "detected", "node_id"],
        ),
        check::<HeartbeatRequest>(
            "HeartbeatRequest",
            json!({"chat_id": "w1", "role": "supervisor", "name": "lead", "capabilities": ["rust"], "busy": true, "current_task": "t1"}),
            &["chat_id"],
        ),
        check_variants::<ChatRole>(
            "ChatRole",
            &[json!("supervisor"), json!("worker"), json!("solo")],
            &[],
        ),
        check_variants::<ChatStatus>(
            "ChatStatus",
            &[json!("idle"), json!("busy"), json!("away"), json!("gone")],
            &[],
        ),
        check::<ChatSilentNotice>(
            "ChatSilentNotice",
            json!({"chat_id": "w1", "task_ids": ["t1", "t2"], "silent_for_s": 30, "found_by": "n2"}),
            &["chat_id", "silent_for_s"],
        ),
        check::<ChatSilentReply>("ChatSilentReply", json!({"recovering": true}), &["recovering"]),
        check::<ListChatsRequest>("ListChatsRequest", json!({"include_gone": true}), &[]),
        check::<ChatList>("ChatList", json!({"chats": [chat_entry()]}), &["chats"]),
        // tasks
        check_variants::<Priority>(
            "Priority",
            &[
                json!("critical"),
                json!("high"),
                json!("normal"),
                json!("low"),
            ],
            &[],
        ),
        check_variants::<TaskStatus>(
            "TaskStatus",
            &[
                json!("queued"),
                json!("claimed"),
                json!("in_progress"),
                json!("done"),
                json!("failed"),
                json!("dead"),
                json!("cancelled"),
            ],
            &[],
        ),
        check::<TaskRecord>(
            "TaskRecord",
            task_record(),
            &[
                "task_id",
                "title",
                "instructions",
                "priority",
                "supervisor_chat_id",
                "status",
                "max_attempts",
                "created_at_ms",
                "updated_at_ms",
            ],
        ),
        check::<DispatchTaskRequest>(
            "DispatchTaskRequest",
            json!({
                "chat_id": "s1", "title": "t", "instructions": "i", "priority": "low", "depends_on": ["t0"],
                "capabilities": ["rust"], "idempotency_key": "k", "max_attempts": 5
            }),
            &["chat_id", "title", "instructions"],
        ),
        check::<DispatchTaskReply>(
            "DispatchTaskReply",
            json!({"task_id": "t1", "status": "queued", "deduplicated": true}),
            &["task_id", "status"],
        ),
        check::<ClaimTaskRequest>(
            "ClaimTaskRequest",
            json!({"chat_id": "w1", "wait_seconds": 20, "capabilities": ["rust"]}),
            &["chat_id"],
        ),
        check::<ClaimedTask>(
            "ClaimedTask",
            claimed(),
            &[
                "task_id",
                "title",
                "instructions",
                "priority",
                "attempt",
                "supervisor_chat_id",
            ],
        ),
        // `task` is an Option: serde reads its absence as none, so it was never required.
        check::<ClaimTaskReply>("ClaimTaskReply", json!({"task": claimed()}), &[]),
        check::<TaskProgressRequest>(
            "TaskProgressRequest",
            json!({"chat_id": "w1", "task_id": "t1", "progress": 42.5, "note": "halfway"}),
            &["chat_id", "task_id", "progress"],
        ),
        check::<CompleteTaskRequest>(
            "CompleteTaskRequest",
            json!({"chat_id": "w1", "task_id": "t1", "result": "r", "claim_next": true, "capabilities": ["rust"]}),
            &["chat_id", "task_id", "result"],
        ),
        check::<CompleteTaskReply>(
            "CompleteTaskReply",
            json!({"task_id": "t1", "status": "done", "recorded": true, "next": claimed()}),
            &["task_id", "status", "recorded"],
        ),
        check::<FailTaskRequest>(
            "FailTaskRequest",
            json!({"chat_id": "w1", "task_id": "t1", "error": "e", "retryable": false}),
            &["chat_id", "task_id", "error"],
        ),
        check::<TaskIdRequest>(
            "TaskIdRequest",
            json!({"chat_id": "s1", "task_id": "t1"}),
            &["chat_id", "task_id"],
        ),
        check::<TaskStatusRequest>(
            "TaskStatusRequest",
            json!({"chat_id": "s1", "task_ids": ["t1"], "all": true}),
            &[],
        ),
        check::<CollectResultsRequest>(
            "CollectResultsRequest",
            json!({"chat_id": "s1", "task_ids": ["t1"]}),
            &["chat_id"],
        ),
        check::<TaskList>(
            "TaskList",
            json!({"tasks": [task_record()], "unfinished": 1, "left_out": 2}),
            &["tasks"],
        ),
    ]
    .into_iter()
    .chain(kaizen_messages())
    .collect()
}

fn metric_spec() -> Value {
    json!({"name": "calls_lost", "kind": "mean", "better": "lower"})
}

fn tally() -> Value {
    json!({"n": 120, "sum": 216.0, "sum_sq": 870.5})
}

fn arm_record() -> Value {
    json!({"exposed": 130, "observed": 120, "metrics": {"calls_lost": tally(), "interrupted": tally()}})
}

fn stage_record() -> Value {
    json!({"percent": 10, "started_at_ms": 1_000, "control": arm_record(), "treatment": arm_record()})
}

fn experiment_plan() -> Value {
    json!({
        "baseline": 1.8, "baseline_sd": 2.5, "mde": 0.2, "alpha": 0.05, "power": 0.9,
        "units_per_arm": 1_219, "canary_units": 121
    })
}

fn look_record() -> Value {
    json!({
        "at_ms": 5_000, "stage": 50, "units": 600, "fraction": 0.6, "z": 2.9, "boundary": 2.6,
        "decision": "ship: calls_lost better"
    })
}

fn effect() -> Value {
    json!({
        "metric": "calls_lost", "control_mean": 1.8, "treatment_mean": 1.4, "n": [600, 600],
        "difference": -0.4, "ci95": [-0.6, -0.2], "relative_lift": -0.22, "lift_ci95": [-0.33, -0.11],
        "p_value": 0.0003
    })
}

fn experiment() -> Value {
    json!({
        "id": "exp-1", "parameter": "checkpoint.every_calls", "control": 5.0, "treatment": 3.0,
        "changes": [
            {"parameter": "checkpoint.every_calls", "control": 5.0, "treatment": 3.0},
            {"parameter": "risk.calls_since_checkpoint_warning", "control": 10.0, "treatment": 7.0}
        ],
        "hypothesis": "fewer calls lost", "evidence": ["30 interrupted sessions lost 9 calls"],
        "source": "detector:checkpoint-gap", "primary": metric_spec(),
        "guardrails": [{"metric": {"name": "latency_ms", "kind": "mean", "better": "lower"}, "margin": 0.1}],
        "plan": experiment_plan(), "status": "shipped", "stage": 100, "stages": [stage_record()],
        "looks": [look_record()], "effect": effect(), "reason": "ship: calls_lost better",
        "approved_by": "ana", "created_at_ms": 1_000, "updated_at_ms": 6_000, "decided_at_ms": 6_000
    })
}

fn assignment() -> Value {
    json!({
        "experiment_id": "exp-1", "parameter": "checkpoint.every_calls", "variant": "treatment",
        "value": 3.0, "stage": 10,
        "values": {"checkpoint.every_calls": 3.0, "risk.calls_since_checkpoint_warning": 7.0},
        "capped": false
    })
}

fn parameter_value() -> Value {
    json!({
        "name": "checkpoint.every_calls", "value": 3.0, "default": 5.0, "version": 2, "set_at_ms": 6_000,
        "improvement_id": "exp-1", "bounds": [2.0, 20.0], "approval": "autoApprove"
    })
}

fn audit_entry() -> Value {
    json!({
        "at_ms": 6_000, "action": "shipped", "experiment_id": "exp-1",
        "parameter": "checkpoint.every_calls", "values": [5.0, 3.0],
        "changes": [
            {"parameter": "checkpoint.every_calls", "control": 5.0, "treatment": 3.0},
            {"parameter": "risk.calls_since_checkpoint_warning", "control": 10.0, "treatment": 7.0}
        ],
        "by": "loop", "reason": "ship: calls_lost better", "evidence": ["calls_lost: 1.8 → 1.4"]
    })
}

/// The Kaizen loop's messages (`shim.v1.kaizen.<op>`, and the experiments as the `shim_kaizen` bucket keeps
/// them).
fn kaizen_messages() -> Vec<(&'static str, String)> {
    vec![
        check_variants::<MetricKind>("MetricKind", &[json!("mean"), json!("proportion")], &[]),
        check_variants::<Better>("Better", &[json!("lower"), json!("higher")], &[]),
        check::<MetricSpec>("MetricSpec", metric_spec(), &["name", "kind", "better"]),
        check::<GuardrailSpec>(
            "GuardrailSpec",
            json!({"metric": metric_spec(), "margin": 0.05}),
            &["metric", "margin"],
        ),
        check::<ExperimentPlan>(
            "ExperimentPlan",
            experiment_plan(),
            &[
                "baseline",
                "mde",
                "alpha",
                "power",
                "units_per_arm",
                "canary_units",
            ],
        ),
        check::<Tally>("Tally", tally(), &["n", "sum", "sum_sq"]),
        check::<ArmRecord>(
            "ArmRecord",
            arm_record(),
            &["exposed", "observed", "metrics"],
        ),
        check::<StageRecord>(
            "StageRecord",
            stage_record(),
            &["percent", "started_at_ms", "control", "treatment"],
        ),
        check_variants::<ExperimentStatus>(
            "ExperimentStatus",
            &[
                json!("awaiting_approval"),
                json!("running"),
                json!("shipped"),
                json!("rolled_back"),
                json!("stopped"),
                json!("refused"),
                json!("reverted"),
            ],
            &[],
        ),
        check::<LookRecord>(
            "LookRecord",
            look_record(),
            &["at_ms", "stage", "units", "fraction", "decision"],
        ),
        check::<Effect>(
            "Effect",
            effect(),
            &[
                "metric",
                "control_mean",
                "treatment_mean",
                "n",
                "difference",
                "ci95",
                "p_value",
            ],
        ),
        check::<Experiment>(
            "Experiment",
            experiment(),
            &[
                "id",
                "parameter",
                "control",
                "treatment",
                "hypothesis",
                "source",
                "primary",
                "plan",
                "status",
                "stage",
                "created_at_ms",
                "updated_at_ms",
            ],
        ),
        check::<ParameterChange>(
            "ParameterChange",
            json!({"parameter": "checkpoint.every_calls", "control": 5.0, "treatment": 3.0}),
            &["parameter", "control", "treatment"],
        ),
        check::<ProposedValue>(
            "ProposedValue",
            json!({"parameter": "checkpoint.every_calls", "value": 3.0}),
            &["parameter", "value"],
        ),
        check::<ProposeRequest>(
            "ProposeRequest",
            json!({
                "parameter": "checkpoint.every_calls", "treatment": 3.0,
                "changes": [{"parameter": "checkpoint.every_calls", "value": 3.0}],
                "hypothesis": "fewer calls lost",
                "evidence": ["30 interrupted sessions"], "source": "person:ana", "primary": "calls_lost",
                "baseline": 1.8, "baseline_sd": 2.5
            }),
            &["parameter", "treatment", "hypothesis", "source"],
        ),
        check::<ExperimentIdRequest>(
            "ExperimentIdRequest",
            json!({"id": "exp-1", "by": "ana", "reason": "not now"}),
            &["id"],
        ),
        check::<ExperimentList>(
            "ExperimentList",
            json!({"experiments": [experiment()], "truncated": true}),
            &["experiments"],
        ),
        check_variants::<Variant>("Variant", &[json!("control"), json!("treatment")], &[]),
        check::<Assignment>(
            "Assignment",
            assignment(),
            &["experiment_id", "parameter", "variant", "value", "stage"],
        ),
        check::<AssignRequest>(
            "AssignRequest",
            json!({"chat_ids": ["c1", "c2"]}),
            &["chat_ids"],
        ),
        check::<ChatParameters>(
            "ChatParameters",
            json!({
                "chat_id": "c1", "values": {"checkpoint.every_calls": 3.0},
                "assignments": [assignment()]
            }),
            &["chat_id", "values"],
        ),
        check::<AssignReply>(
            "AssignReply",
            json!({"chats": [{"chat_id": "c1", "values": {}, "assignments": []}]}),
            &["chats"],
        ),
        check::<Observation>(
            "Observation",
            json!({"chat_id": "c1", "metrics": {"calls_lost": 4.0, "interrupted": 1.0}}),
            &["chat_id", "metrics"],
        ),
        check::<ObserveRequest>(
            "ObserveRequest",
            json!({"observations": [{"chat_id": "c1", "metrics": {"checkpoints": 2.0}}]}),
            &["observations"],
        ),
        check::<ObserveReply>(
            "ObserveReply",
            json!({"counted": 3, "ignored": 1}),
            &["counted", "ignored"],
        ),
        check::<ParameterValue>(
            "ParameterValue",
            parameter_value(),
            &[
                "name",
                "value",
                "default",
                "version",
                "set_at_ms",
                "bounds",
                "approval",
            ],
        ),
        check::<ParameterList>(
            "ParameterList",
            json!({"version": 2, "parameters": [parameter_value()]}),
            &["version", "parameters"],
        ),
        check::<AuditEntry>(
            "AuditEntry",
            audit_entry(),
            &[
                "at_ms",
                "action",
                "experiment_id",
                "parameter",
                "values",
                "by",
                "reason",
            ],
        ),
        check::<AuditList>(
            "AuditList",
            json!({"entries": [audit_entry()], "truncated": true}),
            &["entries"],
        ),
        check::<AuditRequest>(
            "AuditRequest",
            json!({"since_ms": 1_000, "experiment_id": "exp-1"}),
            &[],
        ),
    ]
}

#[test]
fn every_message_type_round_trips_and_stays_compatible() {
    let checked = every_message();
    let names: Vec<&str> = checked.iter().map(|(name, _)| *name).collect();
    let mut unique = names.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(
        unique.len(),
        names.len(),
        "a type is checked twice: {names:?}"
    );
}

/// Every public type of `messages` is checked above: the re-export list in `messages.rs` names them all.
#[test]
fn no_message_type_is_left_out() {
    let source = include_str!("../src/messages.rs");
    let exported: Vec<&str> = source
        .split("pub use ")
        .skip(1)
        .flat_map(|block| {
            let list = block
                .split('{')
                .nth(1)
                .and_then(|rest| rest.split('}').next());
            list.unwrap_or_default().split(',')
        })
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .collect();
    assert!(exported.len() > 60, "{exported:?}");
    let checked: Vec<&str> = every_message().into_iter().map(|(name, _)| name).collect();
    for name in exported {
        assert!(checked.contains(&name), "{name} has no wire test");
    }
}

#[test]
fn encodings_match_the_golden_file() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/messages.golden");
    let current: BTreeMap<&str, String> = every_message().into_iter().collect();
    let text: String = current
        .iter()
        .map(|(name, bytes)| format!("{name} {bytes}\n"))
        .collect();
    if std::env::var_os("SHIM_BLESS").is_some() {
        std::fs::write(&path, &text).expect("writes the golden file");
    }
    let golden = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; run SHIM_BLESS=1 cargo test -p shim-protocol",
            path.display()
        )
    });
    for (line, expected) in golden.lines().zip(text.lines()) {
        assert_eq!(line, expected, "the wire bytes changed");
    }
    assert_eq!(
        golden.lines().count(),
        text.lines().count(),
        "types added or removed"
    );
}

/// An experiment stored before an experiment could change several parameters (no `changes`) still loads, as
/// the one change it is; one that changes several lists them all, its first as `parameter`.
#[test]
fn a_single_parameter_experiment_stored_before_changes_still_loads() {
    let mut old = experiment();
    old.as_object_mut().expect("an object").remove("changes");
    let text = serde_json::to_string(&old).expect("json");
    let loaded: Experiment = serde_json::from_str(&text).expect("an old experiment loads");
    assert!(loaded.changes.is_empty());
    assert_eq!(
        loaded.changes(),
        vec![ParameterChange {
            parameter: "checkpoint.every_calls".to_owned(),
            control: 5.0,
            treatment: 3.0,
        }]
    );
    assert_eq!(loaded.parameters_label(), "checkpoint.every_calls");
    assert!(loaded.changes_parameter("checkpoint.every_calls"));
    assert!(!loaded.changes_parameter("risk.calls_since_checkpoint_warning"));

    let several: Experiment = serde_json::from_value(experiment()).expect("decodes");
    assert_eq!(several.changes().len(), 2);
    assert_eq!(
        several.parameters_label(),
        "checkpoint.every_calls + risk.calls_since_checkpoint_warning"
    );
    assert!(several.changes_parameter("risk.calls_since_checkpoint_warning"));
}
