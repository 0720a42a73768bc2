//! One chat's signal window: counters, the last 50 tool outcomes, the last 20 tool calls, latency baseline,
//! context use, and what it means for automatic checkpoints.

use std::{collections::VecDeque, path::PathBuf};

use shim_protocol::messages::{
    CheckpointTrigger, RiskLevel, RiskReport, SignalEvent, SignalSnapshot, ToolCallRecord,
};

use super::ChatOpened;
use crate::{
    checkpoint_manager::{
        limits::{ITEM_CHARS, TOOL_CALLS, cut},
        store::{ChatRecord, LastActivity, RecordedPrompt},
    },
    signals::{
        DANGER_ADVICE,
        risk::{Assessment, RiskThresholds, assess},
        transcript::TranscriptDelta,
    },
};

/// Prompts kept per chat for resume.
const PROMPTS: usize = 20;
/// Longest prompt kept.
const PROMPT_CHARS: usize = 600;

#[derive(Debug, Default)]
struct Reported {
    message_count: Option<u64>,
    tool_calls: Option<u64>,
    tool_failures: Option<u64>,
}

#[derive(Debug)]
pub(super) struct ChatWindow {
    pub(super) record: ChatRecord,
    pub(super) level: RiskLevel,
    pub(super) last_active_ms: u64,
    pub(super) dirty: bool,
    /// The last activity as last written to the store.
    pub(super) written_activity: Option<LastActivity>,
    pub(super) ended: bool,
    pub(super) transcript_path_opt: Option<PathBuf>,
    transcript_offset: u64,
    transcript_in_flight: bool,
    transcript_pending: bool,
    message_count: u64,
    reported: Reported,
    tokens_used_opt: Option<u64>,
    context_window_opt: Option<u64>,
    used_ratio_opt: Option<f64>,
    outcomes: VecDeque<bool>,
    tool_calls: u64,
    tool_failures: u64,
    last_latency_ms_opt: Option<u64>,
    baseline_latency_ms: f64,
    prompt_at_ms_opt: Option<u64>,
    calls_since_checkpoint: u64,
    calls_since_trigger: u64,
    last_checkpoint_ms_opt: Option<u64>,
    interval_marker_ms: u64,
    active_since_checkpoint: bool,
    compactions: u64,
    cost_usd_opt: Option<f64>,
    model_opt: Option<String>,
    api_requests: u64,
    api_errors: u64,
    output_tokens_opt: Option<u64>,
    tools: VecDeque<ToolCallRecord>,
    advice_due: bool,
}

impl ChatWindow {
    pub(super) fn new(
        chat_id: &str,
        record_opt: Option<ChatRecord>,
        thresholds: &RiskThresholds,
        now_ms: u64,
    ) -> ChatWindow {
        let record = record_opt.unwrap_or_else(|| ChatRecord {
            chat_id: chat_id.to_owned(),
            project_dir: None,
            client: None,
            started_at_ms: now_ms,
            last_active_ms: now_ms,
            last_activity: LastActivity::Started,
            ended_at_ms: None,
            claude_pid: None,
            peak_risk: None,
            api_failures: 0,
            transcript_path: None,
            prompts: Vec::new(),
            processes: Vec::new(),
        });
        ChatWindow {
            level: RiskLevel::Safe,
            last_active_ms: record.last_active_ms,
            interval_marker_ms: now_ms,
            record,
            dirty: true,
            written_activity: None,
            ended: false,
            transcript_path_opt: None,
            transcript_offset: 0,
            transcript_in_flight: false,
            transcript_pending: false,
            message_count: 0,
            reported: Reported::default(),
            tokens_used_opt: None,
            context_window_opt: None,
            used_ratio_opt: None,
            outcomes: VecDeque::with_capacity(thresholds.failure_window),
            tool_calls: 0,
            tool_failures: 0,
            last_latency_ms_opt: None,
            baseline_latency_ms: thresholds.baseline_latency_ms as f64,
            prompt_at_ms_opt: None,
            calls_since_checkpoint: 0,
            calls_since_trigger: 0,
            last_checkpoint_ms_opt: None,
            active_since_checkpoint: false,
            compactions: 0,
            cost_usd_opt: None,
            model_opt: None,
            api_requests: 0,
            api_errors: 0,
            output_tokens_opt: None,
            tools: VecDeque::with_capacity(TOOL_CALLS),
            advice_due: false,
        }
    }

    pub(super) fn opened(&mut self, opened: &ChatOpened) {
        if opened.project_dir.is_some() {
            self.record.project_dir.clone_from(&opened.project_dir);
        }
        if opened.client.is_some() {
            self.record.client.clone_from(&opened.client);
        }
        if opened.claude_pid.is_some() {
            self.record.claude_pid = opened.claude_pid;
        }
        if let Some(process) = &opened.process {
            crate::process::remember(&mut self.record.processes, process.clone());
        }
        // A chat that is opened again is live again.
        self.record.ended_at_ms = None;
        self.dirty = true;
    }

    /// Applies one event; returns the automatic checkpoint it calls for, if any. `work` is false for SHIM's
    /// own tool calls (reported by its MCP server): they count for failure rates, not as progress worth a
    /// checkpoint.
    pub(super) fn apply(
        &mut self,
        event: SignalEvent,
        at_ms: u64,
        thresholds: &RiskThresholds,
        work: bool,
    ) -> Option<CheckpointTrigger> {
        self.last_active_ms = self.last_active_ms.max(at_ms);
        self.record.last_active_ms = self.last_active_ms;
        self.dirty = true;
        self.active_since_checkpoint = true;
        match event {
            SignalEvent::ToolCall {
                tool,
                ok,
                arguments,
                result,
                ..
            } => {
                self.tool_calls += 1;
                if !ok {
                    self.tool_failures += 1;
                }
                if self.outcomes.len() >= thresholds.failure_window.max(1) {
                    self.outcomes.pop_front();
                }
                self.outcomes.push_back(ok);
                if self.tools.len() >= TOOL_CALLS {
                    self.tools.pop_front();
                }
                self.tools.push_back(ToolCallRecord {
                    tool: cut(&tool, ITEM_CHARS),
                    ok,
                    arguments: cut(arguments.as_deref().unwrap_or_default(), ITEM_CHARS),
                    result: cut(result.as_deref().unwrap_or_default(), ITEM_CHARS),
                    at_ms,
                });
                self.record.last_activity = LastActivity::ToolCall;
                if !work {
                    return None;
                }
                self.calls_since_checkpoint += 1;
                self.calls_since_trigger += 1;
                if thresholds.checkpoint_every_calls > 0
                    && self.calls_since_trigger >= thresholds.checkpoint_every_calls
                {
                    self.calls_since_trigger = 0;
                    return Some(CheckpointTrigger::ToolCalls);
                }
                None
            }
            SignalEvent::UserPrompt => {
                self.message_count += 1;
                self.prompt_at_ms_opt = Some(at_ms);
                self.record.last_activity = LastActivity::Prompt;
                None
            }
            SignalEvent::TurnEnded { latency_ms } => {
                let latency_opt = latency_ms.or_else(|| {
                    self.prompt_at_ms_opt
                        .map(|prompt_at| at_ms.saturating_sub(prompt_at))
                });
                if let Some(latency) = latency_opt {
                    self.observe_latency(latency, thresholds);
                }
                self.prompt_at_ms_opt = None;
                self.record.last_activity = LastActivity::TurnEnded;
                Some(CheckpointTrigger::Stop)
            }
            SignalEvent::TurnFailed { .. } => {
                self.record.api_failures += 1;
                self.record.last_activity = LastActivity::TurnFailed;
                None
            }
            SignalEvent::PreCompact => {
                self.record.last_activity = LastActivity::Compaction;
                Some(CheckpointTrigger::PreCompact)
            }
            SignalEvent::PostCompact => {
                self.compactions += 1;
                self.tokens_used_opt = None;
                self.used_ratio_opt = None;
                self.record.last_activity = LastActivity::Compaction;
                None
            }
            SignalEvent::Usage {
                tokens_used,
                context_window,
                used_percentage,
                cost_usd,
                model,
            } => {
                if let Some(window) = context_window.filter(|window| *window > 0) {
                    self.context_window_opt = Some(window);
                }
                if tokens_used.is_some() {
                    self.tokens_used_opt = tokens_used;
                }
                if let Some(percentage) = used_percentage.filter(|value| value.is_finite()) {
                    self.used_ratio_opt = Some((percentage / 100.0).clamp(0.0, 1.0));
                } else if tokens_used.is_some() {
                    self.used_ratio_opt = None;
                }
                if cost_usd.is_some() {
                    self.cost_usd_opt = cost_usd;
                }
                if model.is_some() {
                    self.model_opt = model;
                }
                None
            }
            SignalEvent::Reported {
                message_count,
                tokens_used,
                context_window,
                tool_calls,
                tool_failures,
                last_latency_ms,
            } => {
                if message_count.is_some() {
                    self.reported.message_count = message_count;
                }
                if tokens_used.is_some() {
                    self.tokens_used_opt = tokens_used;
                    self.used_ratio_opt = None;
                }
                if let Some(window) = context_window.filter(|window| *window > 0) {
                    self.context_window_opt = Some(window);
                }
                if tool_calls.is_some() {
                    self.reported.tool_calls = tool_calls;
                }
                if tool_failures.is_some() {
                    self.reported.tool_failures = tool_failures;
                }
                if let Some(latency) = last_latency_ms {
                    self.observe_latency(latency, thresholds);
                }
                None
            }
            SignalEvent::ApiRequest {
                model,
                duration_ms,
                input_tokens,
                output_tokens,
                cache_read_tokens,
                cache_creation_tokens,
                cost_usd,
            } => {
                self.api_requests += 1;
                if let Some(latency) = duration_ms {
                    self.observe_latency(latency, thresholds);
                }
                // What the request sent (fresh, cached and cache-written input) plus what it wrote is what the
                // context holds after it.
                let prompt = [input_tokens, cache_read_tokens, cache_creation_tokens];
                if prompt.iter().any(Option::is_some) {
                    let in_context = prompt
                        .iter()
                        .chain([&output_tokens])
                        .map(|tokens| tokens.unwrap_or(0))
                        .fold(0u64, u64::saturating_add);
                    self.tokens_used_opt = Some(in_context);
                    self.used_ratio_opt = None;
                }
                if let Some(output) = output_tokens {
                    self.output_tokens_opt =
                        Some(self.output_tokens_opt.unwrap_or(0).saturating_add(output));
                }
                if let Some(cost) = cost_usd.filter(|cost| cost.is_finite() && *cost >= 0.0) {
                    self.cost_usd_opt = Some(self.cost_usd_opt.unwrap_or(0.0) + cost);
                }
                if model.is_some() {
                    self.model_opt = model;
                }
                None
            }
            SignalEvent::ApiError { model, .. } => {
                self.api_errors += 1;
                if model.is_some() {
                    self.model_opt = model;
                }
                None
            }
            SignalEvent::SessionEnded { .. } => {
                self.record.ended_at_ms = Some(at_ms);
                self.ended = true;
                None
            }
        }
    }

    fn observe_latency(&mut self, latency: u64, thresholds: &RiskThresholds) {
        self.last_latency_ms_opt = Some(latency);
        // Only ordinary responses move the baseline, so a spike does not hide the next one.
        if latency as f64 <= self.baseline_latency_ms * thresholds.latency_factor {
            self.baseline_latency_ms = 0.8 * self.baseline_latency_ms + 0.2 * latency as f64;
        }
    }

    /// Tool calls so far: counted here, or as reported when that is more.
    pub(super) fn tool_calls(&self) -> u64 {
        self.tool_calls.max(self.reported.tool_calls.unwrap_or(0))
    }

    pub(super) fn snapshot(&self, now_ms: u64, thresholds: &RiskThresholds) -> SignalSnapshot {
        let context_window = self.context_window_opt.unwrap_or(thresholds.context_window);
        let context_ratio = self.used_ratio_opt.or_else(|| {
            self.tokens_used_opt
                .map(|tokens| tokens as f64 / context_window.max(1) as f64)
        });
        let observed_rate = if self.outcomes.is_empty() {
            None
        } else {
            Some(
                self.outcomes.iter().filter(|ok| !**ok).count() as f64 / self.outcomes.len() as f64,
            )
        };
        let reported_rate = match (self.reported.tool_calls, self.reported.tool_failures) {
            (Some(calls), Some(failures)) if calls > 0 => {
                Some(failures.min(calls) as f64 / calls as f64)
            }
            _ => None,
        };
        SignalSnapshot {
            message_count: self
                .message_count
                .max(self.reported.message_count.unwrap_or(0)),
            tokens_used: self.tokens_used_opt,
            context_window,
            context_ratio,
            tool_calls: self.tool_calls.max(self.reported.tool_calls.unwrap_or(0)),
            tool_failures: self
                .tool_failures
                .max(self.reported.tool_failures.unwrap_or(0)),
            recent_failure_rate: observed_rate.or(reported_rate).unwrap_or(0.0),
            last_latency_ms: self.last_latency_ms_opt,
            baseline_latency_ms: self.baseline_latency_ms.round() as u64,
            session_minutes: now_ms.saturating_sub(self.record.started_at_ms) as f64 / 60_000.0,
            tool_calls_since_checkpoint: self.calls_since_checkpoint,
            compactions: self.compactions,
            api_failures: self.record.api_failures,
            api_requests: self.api_requests,
            api_errors: self.api_errors,
            output_tokens: self.output_tokens_opt,
            cost_usd: self.cost_usd_opt,
            model: self.model_opt.clone(),
            seconds_since_checkpoint: self
                .last_checkpoint_ms_opt
                .map(|at| now_ms.saturating_sub(at) / 1000),
        }
    }

    pub(super) fn assess(&self, now_ms: u64, thresholds: &RiskThresholds) -> Assessment {
        assess(&self.snapshot(now_ms, thresholds), thresholds)
    }

    /// Returns the risk report; with `consume_advice`, the danger advice is handed out once per rise.
    pub(super) fn report(
        &mut self,
        chat_id: &str,
        now_ms: u64,
        thresholds: &RiskThresholds,
        consume_advice: bool,
    ) -> RiskReport {
        let signals = self.snapshot(now_ms, thresholds);
        let assessment = assess(&signals, thresholds);
        let advice = (consume_advice && self.advice_due && assessment.level == RiskLevel::Danger)
            .then(|| {
                self.advice_due = false;
                DANGER_ADVICE.to_owned()
            });
        RiskReport {
            chat_id: chat_id.to_owned(),
            level: assessment.level,
            score: assessment.score,
            reasons: assessment.reasons,
            signals,
            advice,
        }
    }

    pub(super) fn entered(&mut self, level: RiskLevel) {
        self.advice_due = level == RiskLevel::Danger;
        let peak = match self.record.peak_risk.as_deref() {
            Some("danger") => RiskLevel::Danger,
            Some("warning") => RiskLevel::Warning,
            _ => RiskLevel::Safe,
        };
        if level > peak {
            self.record.peak_risk = Some(level.as_str().to_owned());
        }
        self.level = level;
    }

    /// True when what happened last differs from what the store holds: worth writing at once, since it
    /// decides how an interruption is classified.
    pub(super) fn activity_changed(&self) -> bool {
        self.written_activity != Some(self.record.last_activity)
    }

    /// The session's cost so far, when a source reported it.
    pub(super) fn cost_usd(&self) -> Option<f64> {
        self.cost_usd_opt
    }

    pub(super) fn recent_tools(&self) -> Vec<ToolCallRecord> {
        self.tools.iter().cloned().collect()
    }

    pub(super) fn checkpoint_taken(&mut self, at_ms: u64) {
        self.calls_since_checkpoint = 0;
        self.calls_since_trigger = 0;
        self.last_checkpoint_ms_opt = Some(at_ms);
        self.interval_marker_ms = at_ms;
        self.active_since_checkpoint = false;
    }

    /// True when the chat was active since its last checkpoint and that was `every_ms` ago.
    pub(super) fn interval_checkpoint_due(&mut self, now_ms: u64, every_ms: u64) -> bool {
        if every_ms == 0 || !self.active_since_checkpoint || self.ended {
            return false;
        }
        if now_ms.saturating_sub(self.interval_marker_ms) < every_ms {
            return false;
        }
        self.interval_marker_ms = now_ms;
        true
    }

    /// Returns the transcript to read and where to start, unless a read is already running (then one more
    /// read follows it).
    pub(super) fn wants_transcript_read(&mut self) -> Option<(PathBuf, u64)> {
        let path = self.transcript_path_opt.clone()?;
        if self.transcript_in_flight {
            self.transcript_pending = true;
            return None;
        }
        self.transcript_in_flight = true;
        Some((path, self.transcript_offset))
    }

    /// Keeps a prompt the user sent (from the UserPromptSubmit hook) in the chat's record, for resume.
    pub(super) fn prompted(&mut self, text: &str, at_ms: u64) {
        if self.record.prompts.len() >= PROMPTS {
            self.record.prompts.remove(0);
        }
        self.record.prompts.push(RecordedPrompt {
            at_ms,
            // Redacted before the cut: a secret cut in two is no longer recognized.
            text: cut(&crate::redact::redact(text), PROMPT_CHARS),
        });
        self.dirty = true;
    }

    /// Notes the transcript a message named: read from now on, and again when a resume is built.
    pub(super) fn named_transcript(&mut self, path: String) {
        if self.record.transcript_path.as_deref() != Some(path.as_str()) {
            // Another file: where the last one was read up to says nothing about it.
            self.transcript_offset = 0;
            self.record.transcript_path = Some(path.clone());
            self.dirty = true;
        }
        self.transcript_path_opt = Some(PathBuf::from(path));
    }

    /// Takes a finished read in; returns whether another read was asked for meanwhile.
    pub(super) fn transcript_read(&mut self, delta: &TranscriptDelta) -> bool {
        self.transcript_offset = delta.offset;
        self.transcript_in_flight = false;
        if let Some(tokens) = delta.tokens_used_opt {
            self.tokens_used_opt = Some(tokens);
            self.used_ratio_opt = None;
        }
        std::mem::take(&mut self.transcript_pending)
    }

    pub(super) fn transcript_failed(&mut self) {
        self.transcript_in_flight = false;
        self.transcript_pending = false;
        self.transcript_path_opt = None;
    }
}

#[cfg(test)]
mod tests;
