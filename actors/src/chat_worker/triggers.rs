//! What a change in a chat's signals sets off: a published level change, and which automatic checkpoint
//! (at most one per message of signals) it is named after: the weightiest trigger.

use serde_json::json;
use shim_protocol::messages::{CheckpointTrigger, RiskLevel};
use tracing::info;

use super::window::ChatWindow;
use crate::{metrics::ActorMetrics, publisher::EventEmitter, signals::risk::RiskThresholds};

/// Re-assesses a chat's level after new signals; publishes and records a change, and returns the
/// automatic checkpoint a rise calls for.
pub(super) fn level_check(
    window: &mut ChatWindow,
    chat_id: &str,
    now: u64,
    thresholds: &RiskThresholds,
    emitter: &EventEmitter,
    metrics: &ActorMetrics,
) -> Option<CheckpointTrigger> {
    let before = window.level;
    let assessment = window.assess(now, thresholds);
    let after = assessment.level;
    if after == before {
        return None;
    }
    window.entered(after);
    info!(%chat_id, from = before.as_str(), to = after.as_str(), "risk level changed");
    emitter.emit(
        "risk",
        "level_changed",
        Some(chat_id),
        json!({"from": before.as_str(), "to": after.as_str(), "score": assessment.score, "reasons": assessment.reasons, "tool_calls": window.tool_calls()}),
    );
    metrics.record_risk_level(chat_id, after);
    (after > before).then_some(match after {
        RiskLevel::Danger => CheckpointTrigger::RiskDanger,
        _ => CheckpointTrigger::RiskWarning,
    })
}

/// Which of several triggers in one batch names the checkpoint: the one that says most about why.
pub(super) fn trigger_rank(trigger: CheckpointTrigger) -> u8 {
    match trigger {
        CheckpointTrigger::PreCompact => 6,
        CheckpointTrigger::RiskDanger => 5,
        CheckpointTrigger::RiskWarning => 4,
        CheckpointTrigger::Stop => 3,
        CheckpointTrigger::ToolCalls => 2,
        CheckpointTrigger::Interval | CheckpointTrigger::Explicit => 1,
    }
}
