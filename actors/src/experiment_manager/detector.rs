//! The opportunity detector: rules over the session records of the analytics store that turn a pattern into a
//! hypothesis and a proposed experiment, with the evidence. Pure: the node's loop reads the records and
//! sends what [`OpportunityDetector::detect`] proposes; the simulator feeds it generated sessions.
//!
//! Rules:
//! - `checkpoint-gap`: interrupted sessions lost on average at least half a checkpoint interval of tool calls
//!   since their last checkpoint → test checkpoints more often (the interval × 0.6).
//! - `missed-warning`: most interrupted sessions never reached `warning` → test a warning sooner after the
//!   last checkpoint (that threshold × 0.7).
//!
//! And one over the routing decisions and overrides of the period ([`OpportunityDetector::detect_routing`]):
//! - `routing-overrides`: at least a quarter of a task type's routed prompts were overridden the same way
//!   (up, or down), most of its overrides going that way → test leaning that task type's routing that way
//!   (`routing.lean.<task type>` moved by [`LEAN_STEP`]).
//!
//! A proposed value is brought inside its parameter's safety bounds (as the settings narrow them); a rule
//! whose value is already at the bound proposes nothing, rather than a change the manager would refuse (and
//! record) again each day.

use std::collections::BTreeMap;

use shim_protocol::messages::{
    CategoryRouting, Experiment, ExperimentStatus, ProposeRequest, ProposedValue, SessionOutcome,
    SessionRecord,
};

use super::{ParameterSet, catalogue, settings::KaizenSettings};

/// Fewest interrupted sessions a rule needs before it proposes anything.
pub const MIN_INTERRUPTED: usize = 20;
/// A change tried and not shipped is not proposed again for this long.
pub const RETRY_AFTER_MS: u64 = 7 * 24 * 60 * 60 * 1000;
/// A change refused is not proposed again for this long.
pub const REFUSED_RETRY_AFTER_MS: u64 = 24 * 60 * 60 * 1000;
/// Fewest routed prompts of a task type before the routing rule judges it.
pub const MIN_ROUTED: u64 = 50;
/// Fewest ended sessions with routed prompts before the routing rule proposes (they give its baseline).
pub const MIN_ROUTED_SESSIONS: usize = 20;
/// Share of a task type's routed prompts overridden one way that makes the routing rule propose.
pub const OVERRIDE_SHARE: f64 = 0.25;
/// How far one routing proposal moves a lean: half the quality strategy's push.
pub const LEAN_STEP: f64 = 0.55;

/// What a rule proposes for `parameter`, now at `current`, when it would move it to `wanted`: `wanted` brought
/// inside the parameter's safety bounds (as `settings` narrow them; for a whole-number parameter, the whole
/// numbers inside them), or nothing when that no longer moves it the way the rule wants (at a bound, or a
/// value in force outside bounds narrowed since, where the bound would move it back the other way).
fn bounded(settings: &KaizenSettings, parameter: &str, current: f64, wanted: f64) -> Option<f64> {
    let value = match catalogue::parameter(parameter) {
        Some(spec) => {
            let [low, high] = settings.bounds_of(spec);
            let [low, high] = if spec.integer {
                [low.ceil(), high.floor()]
            } else {
                [low, high]
            };
            // Bounds holding no value it may take (`[2.4, 2.6]` for a whole number): nothing to propose.
            if low.partial_cmp(&high).is_none_or(|order| order.is_gt()) {
                return None;
            }
            let wanted = if spec.integer { wanted.round() } else { wanted };
            wanted.clamp(low, high)
        }
        None => wanted,
    };
    // Moved, and the way the rule wants (a product of two moves is positive only when both go one way).
    ((value - current) * (wanted - current) > 0.0).then_some(value)
}

/// What one session came to, per metric (see [`super::catalogue::METRICS`]); `None` while its outcome is open.
/// `cost_usd` and `latency_ms` only when the record has telemetry (a cost; API requests), `override_rate` only
/// when the router decided any of its prompts: a session that did not measure them gives no value, not zero.
pub fn session_metrics(record: &SessionRecord) -> Option<BTreeMap<String, f64>> {
    let outcome = record.outcome?;
    let interrupted = matches!(
        outcome,
        SessionOutcome::Interrupted | SessionOutcome::Resumed | SessionOutcome::Abandoned
    );
    let mut metrics = BTreeMap::new();
    metrics.insert("interrupted".to_owned(), f64::from(u8::from(interrupted)));
    let lost = if interrupted {
        record
            .tool_calls
            .saturating_sub(record.last_checkpoint_tool_calls.unwrap_or(0))
    } else {
        0
    };
    metrics.insert("calls_lost".to_owned(), lost as f64);
    metrics.insert("checkpoints".to_owned(), record.checkpoints as f64);
    match outcome {
        SessionOutcome::Resumed => {
            metrics.insert("resumed".to_owned(), 1.0);
        }
        SessionOutcome::Abandoned => {
            metrics.insert("resumed".to_owned(), 0.0);
        }
        _ => {}
    }
    // From Claude Code's telemetry, when the session had any; from the router, when it routed any prompt.
    if let Some(cost) = record.cost_usd {
        metrics.insert("cost_usd".to_owned(), cost);
    }
    if record.api_requests > 0 {
        metrics.insert(
            "latency_ms".to_owned(),
            record.api_duration_ms as f64 / record.api_requests as f64,
        );
    }
    if record.routed > 0 {
        metrics.insert(
            "override_rate".to_owned(),
            // An override of a prompt routed before the chat was known counts, but a share stays a share.
            record.overrides.min(record.routed) as f64 / record.routed as f64,
        );
    }
    // A measure no session can have (a count from a garbled event) is left out, not sent to be refused with
    // the rest of the session's measures, again and again.
    metrics
        .retain(|_, value| value.is_finite() && value.abs() <= super::catalogue::MAX_METRIC_VALUE);
    Some(metrics)
}

/// The rules, over the sessions of a period.
#[derive(Debug, Clone, Copy, Default)]
pub struct OpportunityDetector;

impl OpportunityDetector {
    /// The experiments the sessions suggest, given the parameter store and the experiments so far.
    pub fn detect(
        &self,
        sessions: &[SessionRecord],
        parameters: &ParameterSet,
        experiments: &[Experiment],
        settings: &KaizenSettings,
        now_ms: u64,
    ) -> Vec<ProposeRequest> {
        let decided: Vec<(&SessionRecord, BTreeMap<String, f64>)> = sessions
            .iter()
            .filter_map(|record| session_metrics(record).map(|metrics| (record, metrics)))
            .collect();
        let interrupted: Vec<&(&SessionRecord, BTreeMap<String, f64>)> = decided
            .iter()
            .filter(|(_, metrics)| metrics.get("interrupted") == Some(&1.0))
            .collect();
        if interrupted.len() < MIN_INTERRUPTED {
            return Vec::new();
        }
        let lost: Vec<f64> = decided
            .iter()
            .map(|(_, metrics)| metrics.get("calls_lost").copied().unwrap_or(0.0))
            .collect();
        let (baseline, baseline_sd) = mean_sd(&lost);
        let lost_when_interrupted = interrupted
            .iter()
            .map(|(_, metrics)| metrics.get("calls_lost").copied().unwrap_or(0.0))
            .sum::<f64>()
            / interrupted.len() as f64;
        let tried_lately = |parameter: &str, treatment: f64| {
            tried_lately(experiments, parameter, treatment, now_ms)
        };
        let mut proposals = Vec::new();

        let every = parameters.value("checkpoint.every_calls").unwrap_or(5.0);
        if lost_when_interrupted >= every / 2.0 {
            let treatment_opt = bounded(settings, "checkpoint.every_calls", every, every * 0.6)
                .filter(|treatment| !tried_lately("checkpoint.every_calls", *treatment));
            if let Some(treatment) = treatment_opt {
                proposals.push(ProposeRequest {
                    parameter: "checkpoint.every_calls".to_owned(),
                    treatment,
                    changes: Vec::new(),
                    hypothesis: format!(
                        "a checkpoint every {treatment} tool calls instead of {every} loses fewer calls when a \
                         session is interrupted"
                    ),
                    evidence: vec![format!(
                        "{} interrupted sessions of {} had {lost_when_interrupted:.1} tool calls since their last \
                         checkpoint on average → test checkpoint every {treatment} calls against {every}",
                        interrupted.len(),
                        decided.len()
                    )],
                    source: "detector:checkpoint-gap".to_owned(),
                    primary: Some("calls_lost".to_owned()),
                    baseline: Some(baseline),
                    baseline_sd: Some(baseline_sd),
                });
            }
        }

        let unwarned = interrupted
            .iter()
            .filter(|(record, _)| record.levels.is_empty())
            .count();
        let warning = parameters
            .value("risk.calls_since_checkpoint_warning")
            .unwrap_or(10.0);
        if unwarned * 2 > interrupted.len() {
            let treatment_opt = bounded(
                settings,
                "risk.calls_since_checkpoint_warning",
                warning,
                warning * 0.7,
            )
            .filter(|treatment| !tried_lately("risk.calls_since_checkpoint_warning", *treatment));
            if let Some(treatment) = treatment_opt {
                proposals.push(ProposeRequest {
                    parameter: "risk.calls_since_checkpoint_warning".to_owned(),
                    treatment,
                    changes: Vec::new(),
                    hypothesis: format!(
                        "warning after {treatment} calls without a checkpoint instead of {warning} saves work \
                         before sessions are interrupted"
                    ),
                    evidence: vec![format!(
                        "{unwarned} of {} interrupted sessions never reached warning → test the warning at \
                         {treatment} calls since the last checkpoint against {warning}",
                        interrupted.len()
                    )],
                    source: "detector:missed-warning".to_owned(),
                    primary: Some("calls_lost".to_owned()),
                    baseline: Some(baseline),
                    baseline_sd: Some(baseline_sd),
                });
            }
        }
        proposals
    }

    /// The routing experiments the period's routing decisions and overrides per task type suggest (the
    /// analytics summary's `routing.by_category`), given the parameter store and the experiments so far.
    pub fn detect_routing(
        &self,
        categories: &[CategoryRouting],
        sessions: &[SessionRecord],
        parameters: &ParameterSet,
        experiments: &[Experiment],
        settings: &KaizenSettings,
        now_ms: u64,
    ) -> Vec<ProposeRequest> {
        // The metric tested is a session's override rate, so its baseline and spread are the sessions'.
        let rates: Vec<f64> = sessions
            .iter()
            .filter_map(|record| session_metrics(record)?.get("override_rate").copied())
            .collect();
        let mut proposals = Vec::new();
        if rates.len() < MIN_ROUTED_SESSIONS {
            return proposals;
        }
        let (baseline, baseline_sd) = mean_sd(&rates);
        for category in categories {
            let parameter = format!("{}.{}", catalogue::ROUTING_LEAN, category.category);
            if category.decisions < MIN_ROUTED || !catalogue::is_routing(&parameter) {
                continue;
            }
            let routed = category.decisions as f64;
            let (up, down) = (category.overrides_up, category.overrides_down);
            let (direction, count, sign) = if up >= down {
                ("higher", up, 1.0)
            } else {
                ("lower", down, -1.0)
            };
            let share = count as f64 / routed;
            if share < OVERRIDE_SHARE || count < 2 * up.min(down).max(1) {
                continue;
            }
            let current = parameters.value(&parameter).unwrap_or(0.0);
            // A lean is proposed to two decimals, rounded before it is bounded so that it stays inside.
            let wanted = ((current + sign * LEAN_STEP) * 100.0).round() / 100.0;
            let Some(treatment) = bounded(settings, &parameter, current, wanted)
                .filter(|treatment| !tried_lately(experiments, &parameter, *treatment, now_ms))
            else {
                continue;
            };
            proposals.push(ProposeRequest {
                parameter: parameter.clone(),
                treatment,
                changes: Vec::new(),
                hypothesis: format!(
                    "routing {} prompts a step {direction} leaves users fewer tiers to correct",
                    category.category
                ),
                evidence: vec![format!(
                    "{:.0}% of {} prompts ({count} of {}) were overridden to a {direction} tier → test {parameter} \
                     = {treatment:+} against {current:+}",
                    share * 100.0,
                    category.category,
                    category.decisions
                )],
                source: "detector:routing-overrides".to_owned(),
                primary: Some("override_rate".to_owned()),
                baseline: Some(baseline),
                baseline_sd: Some(baseline_sd),
            });
        }
        proposals
    }
}

/// Joins proposals aimed at the same outcome from different components into one variant of several
/// parameters, at most `max_parameters` in one (the loop's cap per chat); the rest are kept as they are. The
/// checkpoint interval and the risk warning both aim at fewer tool calls lost when a session is interrupted:
/// tried as two experiments at once they would share chats and blur each other's effect (and the day's cap on
/// automatic changes would refuse the second), so they are tried together, as one cross-component change.
/// Proposals of one component (two routing leans) stay apart: each says something of its own task type.
pub fn join_across_components(
    proposals: Vec<ProposeRequest>,
    max_parameters: usize,
) -> Vec<ProposeRequest> {
    let kind_of = |parameter: &str| catalogue::parameter(parameter).map(|spec| spec.kind);
    let mut joined: Vec<ProposeRequest> = Vec::new();
    for proposal in proposals {
        let single_kind = match (proposal.changes.is_empty(), kind_of(&proposal.parameter)) {
            (true, Some(kind)) => Some(kind),
            _ => None,
        };
        let partner = single_kind.and_then(|kind| {
            joined.iter_mut().find(|earlier| {
                let values = proposed_values(earlier);
                earlier.primary.is_some()
                    && earlier.primary == proposal.primary
                    && values.len() < max_parameters
                    && values
                        .iter()
                        .all(|value| kind_of(&value.parameter).is_some_and(|known| known != kind))
            })
        });
        let Some(earlier) = partner else {
            joined.push(proposal);
            continue;
        };
        let mut values = proposed_values(earlier);
        values.push(ProposedValue {
            parameter: proposal.parameter.clone(),
            value: proposal.treatment,
        });
        earlier.parameter = values
            .iter()
            .map(|value| value.parameter.as_str())
            .collect::<Vec<_>>()
            .join(" + ");
        earlier.changes = values;
        earlier.hypothesis = format!(
            "together, {}; and {}",
            earlier.hypothesis, proposal.hypothesis
        );
        earlier.evidence.extend(proposal.evidence);
        earlier.source = format!(
            "{}+{}",
            earlier.source,
            proposal.source.trim_start_matches("detector:")
        );
    }
    joined
}

/// Every value a proposal tries.
fn proposed_values(proposal: &ProposeRequest) -> Vec<ProposedValue> {
    if proposal.changes.is_empty() {
        vec![ProposedValue {
            parameter: proposal.parameter.clone(),
            value: proposal.treatment,
        }]
    } else {
        proposal.changes.clone()
    }
}

/// A change being tried, or tried and not shipped lately, is not proposed again: a refused one for a day (the
/// refusal may be the day's cap), one that ran for [`RETRY_AFTER_MS`].
fn tried_lately(experiments: &[Experiment], parameter: &str, treatment: f64, now_ms: u64) -> bool {
    experiments.iter().any(|experiment| {
        let wait = if experiment.status == ExperimentStatus::Refused {
            REFUSED_RETRY_AFTER_MS
        } else {
            RETRY_AFTER_MS
        };
        experiment.changes().iter().any(|change| {
            change.parameter == parameter
                && (experiment.status.is_open()
                    || (change.treatment == treatment
                        && experiment.status != ExperimentStatus::Shipped
                        && experiment.created_at_ms + wait > now_ms))
        })
    })
}

fn mean_sd(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = if values.len() > 1 {
        values
            .iter()
            .map(|value| (value - mean).powi(2))
            .sum::<f64>()
            / (n - 1.0)
    } else {
        0.0
    };
    (mean, variance.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(
        chat: usize,
        outcome: SessionOutcome,
        tool_calls: u64,
        at_checkpoint: u64,
    ) -> SessionRecord {
        SessionRecord {
            chat_id: format!("chat-{chat}"),
            node_id: None,
            client: None,
            project_dir: None,
            started_at_ms: 1,
            ended_at_ms: Some(2),
            last_seen_ms: 2,
            tool_calls,
            levels: Vec::new(),
            time_at_level_ms: BTreeMap::new(),
            checkpoints: tool_calls / 5,
            last_checkpoint_tool_calls: Some(at_checkpoint),
            last_checkpoint_at_ms: None,
            resume_offered: false,
            resume_taken: false,
            outcome: Some(outcome),
            evidence: Vec::new(),
            api_requests: 0,
            cost_usd: None,
            api_duration_ms: 0,
            routed: 0,
            overrides: 0,
        }
    }

    /// 100 clean sessions and 30 interrupted far from their checkpoint, never warned: both session rules fire.
    fn both_rules_fire() -> Vec<SessionRecord> {
        (0..100)
            .map(|n| session(n, SessionOutcome::Clean, 40, 40))
            .chain((100..130).map(|n| session(n, SessionOutcome::Interrupted, 49, 40)))
            .collect()
    }

    /// A parameter store holding `values`.
    fn holding(values: &[(&str, f64)]) -> ParameterSet {
        let mut set = ParameterSet::default();
        for (name, value) in values {
            set.values.insert(
                (*name).to_owned(),
                super::super::ParameterEntry {
                    value: *value,
                    version: 1,
                    set_at_ms: 1,
                    improvement_id: None,
                },
            );
        }
        set
    }

    #[test]
    fn interrupted_sessions_far_from_their_checkpoint_propose_checkpointing_more_often() {
        let sessions = both_rules_fire();
        let proposals = OpportunityDetector.detect(
            &sessions,
            &ParameterSet::default(),
            &[],
            &KaizenSettings::default(),
            10,
        );
        let gap = proposals
            .iter()
            .find(|proposal| proposal.parameter == "checkpoint.every_calls")
            .expect("proposes");
        assert_eq!(gap.treatment, 3.0);
        assert!(
            gap.evidence[0].contains("30 interrupted sessions of 130 had 9.0 tool calls"),
            "{:?}",
            gap.evidence
        );
        let baseline = gap.baseline.expect("baseline");
        assert!((baseline - 30.0 * 9.0 / 130.0).abs() < 1e-9, "{baseline}");
        // Sessions whose checkpoints keep up propose nothing.
        let fine: Vec<SessionRecord> = (0..60)
            .map(|n| session(n, SessionOutcome::Interrupted, 41, 40))
            .collect();
        assert!(
            OpportunityDetector
                .detect(
                    &fine,
                    &ParameterSet::default(),
                    &[],
                    &KaizenSettings::default(),
                    10
                )
                .iter()
                .all(|proposal| proposal.parameter != "checkpoint.every_calls")
        );
        // Too few interrupted sessions: nothing.
        assert!(
            OpportunityDetector
                .detect(
                    &sessions[90..110],
                    &ParameterSet::default(),
                    &[],
                    &KaizenSettings::default(),
                    10
                )
                .is_empty()
        );
    }

    #[test]
    fn proposals_stay_inside_the_safety_bounds_and_none_is_made_at_a_bound() {
        let sessions = both_rules_fire();
        let set = |every: f64, warning: f64| {
            holding(&[
                ("checkpoint.every_calls", every),
                ("risk.calls_since_checkpoint_warning", warning),
            ])
        };
        let proposed = |set: &ParameterSet, settings: &KaizenSettings| {
            OpportunityDetector
                .detect(&sessions, set, &[], settings, 10)
                .into_iter()
                .map(|proposal| (proposal.parameter, proposal.treatment))
                .collect::<Vec<_>>()
        };
        let built_in = KaizenSettings::default();
        // 3 × 0.6 and 4 × 0.7 round to 2 and 3, the built-in floors.
        assert_eq!(
            proposed(&set(3.0, 4.0), &built_in),
            [
                ("checkpoint.every_calls".to_owned(), 2.0),
                ("risk.calls_since_checkpoint_warning".to_owned(), 3.0)
            ]
        );
        // At the floors (2 and 3) the rules would ask for 1 and 2, which are refused: nothing is proposed.
        assert_eq!(proposed(&set(2.0, 3.0), &built_in), []);
        // Bounds the config narrows: 5 × 0.6 = 3 becomes 4; at 4 nothing.
        let mut narrowed = KaizenSettings::default();
        narrowed
            .bounds
            .insert("checkpoint.every_calls".to_owned(), [4.0, 20.0]);
        narrowed.bounds.insert(
            "risk.calls_since_checkpoint_warning".to_owned(),
            [8.0, 30.0],
        );
        assert_eq!(
            proposed(&set(5.0, 10.0), &narrowed),
            [
                ("checkpoint.every_calls".to_owned(), 4.0),
                ("risk.calls_since_checkpoint_warning".to_owned(), 8.0)
            ]
        );
        assert_eq!(proposed(&set(4.0, 8.0), &narrowed), []);
        // A value in force below bounds narrowed since: the bound would move it up, against the rule; nothing.
        assert_eq!(
            proposed(&set(2.0, 10.0), &narrowed),
            [("risk.calls_since_checkpoint_warning".to_owned(), 8.0)]
        );
        // Whole-number bounds that hold no whole number propose nothing (and do not panic).
        let mut empty = KaizenSettings::default();
        empty
            .bounds
            .insert("checkpoint.every_calls".to_owned(), [2.4, 2.6]);
        assert!(
            proposed(&set(4.0, 3.0), &empty)
                .iter()
                .all(|(parameter, _)| parameter != "checkpoint.every_calls")
        );
        // Bounds that are not whole: the whole numbers inside them (2.4 × … → 3, not 2).
        let mut fractional = KaizenSettings::default();
        fractional
            .bounds
            .insert("checkpoint.every_calls".to_owned(), [2.4, 20.0]);
        assert_eq!(
            proposed(&set(4.0, 3.0), &fractional),
            [("checkpoint.every_calls".to_owned(), 3.0)]
        );
    }

    #[test]
    fn proposals_for_one_outcome_from_two_components_are_tried_as_one_variant() {
        let sessions = both_rules_fire();
        let proposals = OpportunityDetector.detect(
            &sessions,
            &ParameterSet::default(),
            &[],
            &KaizenSettings::default(),
            10,
        );
        assert_eq!(proposals.len(), 2, "{proposals:?}");
        let joined = join_across_components(proposals.clone(), 2);
        assert_eq!(joined.len(), 1, "{joined:?}");
        let variant = &joined[0];
        assert_eq!(
            variant.changes,
            vec![
                ProposedValue {
                    parameter: "checkpoint.every_calls".to_owned(),
                    value: 3.0
                },
                ProposedValue {
                    parameter: "risk.calls_since_checkpoint_warning".to_owned(),
                    value: 7.0
                },
            ]
        );
        assert_eq!(
            variant.parameter,
            "checkpoint.every_calls + risk.calls_since_checkpoint_warning"
        );
        assert_eq!(variant.source, "detector:checkpoint-gap+missed-warning");
        assert_eq!(variant.primary.as_deref(), Some("calls_lost"));
        assert_eq!(variant.baseline, proposals[0].baseline);
        assert_eq!(variant.evidence.len(), 2);
        assert!(
            variant
                .hypothesis
                .starts_with("together, a checkpoint every 3")
        );
        // A cap of one parameter per chat keeps them apart.
        assert_eq!(join_across_components(proposals.clone(), 1), proposals);
        // Two changes of one component (routing leans of two task types) stay apart too.
        let lean = |category: &str| ProposeRequest {
            parameter: format!("{}.{category}", catalogue::ROUTING_LEAN),
            treatment: 0.55,
            primary: Some("override_rate".to_owned()),
            source: "detector:routing-overrides".to_owned(),
            ..ProposeRequest::default()
        };
        let leans = vec![lean("design"), lean("test")];
        assert_eq!(join_across_components(leans.clone(), 4), leans);
    }

    #[test]
    fn metrics_of_a_session_follow_its_outcome() {
        let clean = session_metrics(&session(1, SessionOutcome::Clean, 12, 10)).expect("decided");
        assert_eq!(clean["calls_lost"], 0.0);
        assert_eq!(clean["interrupted"], 0.0);
        assert!(!clean.contains_key("resumed"));
        let resumed =
            session_metrics(&session(1, SessionOutcome::Resumed, 12, 10)).expect("decided");
        assert_eq!((resumed["calls_lost"], resumed["resumed"]), (2.0, 1.0));
        let mut open = session(1, SessionOutcome::Clean, 1, 1);
        open.outcome = None;
        assert!(session_metrics(&open).is_none());
        // A count no session can reach (a garbled event's) is left out; the rest is measured.
        let garbled = session_metrics(&session(1, SessionOutcome::Interrupted, u64::MAX, 0))
            .expect("decided");
        assert!(!garbled.contains_key("calls_lost"), "{garbled:?}");
        assert_eq!(garbled["interrupted"], 1.0);
    }

    fn routed(category: &str, decisions: u64, up: u64, down: u64) -> CategoryRouting {
        CategoryRouting {
            category: category.to_owned(),
            decisions,
            overrides: up + down,
            override_rate: Some((up + down) as f64 / decisions as f64),
            overrides_up: up,
            overrides_down: down,
        }
    }

    #[test]
    fn task_types_overridden_one_way_propose_leaning_their_routing_that_way() {
        let categories = [
            routed("design", 120, 48, 2),
            routed("docs", 200, 5, 60),
            routed("debug", 300, 20, 10),
            routed("review", 40, 30, 0),
            routed("explain", 100, 20, 15),
            routed("c64", 500, 400, 0),
        ];
        // Sessions that routed 10 prompts each, 0 to 4 of them overridden: their rates are the baseline.
        let sessions: Vec<SessionRecord> = (0..40)
            .map(|n| {
                let mut record = session(n, SessionOutcome::Clean, 10, 10);
                record.routed = 10;
                record.overrides = (n % 5) as u64;
                record
            })
            .collect();
        assert!(
            OpportunityDetector
                .detect_routing(
                    &categories,
                    &sessions[..19],
                    &ParameterSet::default(),
                    &[],
                    &KaizenSettings::default(),
                    10
                )
                .is_empty(),
            "too few sessions to plan on"
        );
        let proposals = OpportunityDetector.detect_routing(
            &categories,
            &sessions,
            &ParameterSet::default(),
            &[],
            &KaizenSettings::default(),
            10,
        );
        let found: Vec<(&str, f64)> = proposals
            .iter()
            .map(|proposal| (proposal.parameter.as_str(), proposal.treatment))
            .collect();
        assert_eq!(
            found,
            [("routing.lean.design", 0.55), ("routing.lean.docs", -0.55)],
            "debug and explain are not one-sided or frequent enough, review has too few prompts, c64 is no \
             task type"
        );
        let design = &proposals[0];
        assert_eq!(
            design.evidence[0],
            "40% of design prompts (48 of 120) were overridden to a higher tier → test routing.lean.design = \
             +0.55 against +0"
        );
        assert_eq!(design.primary.as_deref(), Some("override_rate"));
        assert!(
            (design.baseline.expect("baseline") - 0.2).abs() < 1e-12,
            "the sessions' mean rate"
        );
        assert!(design.baseline_sd.expect("spread") > 0.1);

        // A lean already at its bound is not pushed further.
        let at_bound = holding(&[("routing.lean.design", 1.1)]);
        let proposals = OpportunityDetector.detect_routing(
            &categories[..1],
            &sessions,
            &at_bound,
            &[],
            &KaizenSettings::default(),
            10,
        );
        assert!(proposals.is_empty(), "{proposals:?}");
    }

    #[test]
    fn usage_metrics_are_there_only_when_the_session_measured_them() {
        // No telemetry and nothing routed: no cost, latency or override rate (not zero).
        let bare = session_metrics(&session(1, SessionOutcome::Clean, 12, 10)).expect("decided");
        for name in ["cost_usd", "latency_ms", "override_rate"] {
            assert!(!bare.contains_key(name), "{name} in {bare:?}");
        }
        let mut measured = session(2, SessionOutcome::Interrupted, 12, 10);
        measured.api_requests = 4;
        measured.api_duration_ms = 5_000;
        measured.cost_usd = Some(0.75);
        measured.routed = 8;
        measured.overrides = 2;
        let metrics = session_metrics(&measured).expect("decided");
        assert_eq!(metrics["cost_usd"], 0.75);
        assert_eq!(metrics["latency_ms"], 1_250.0);
        assert_eq!(metrics["override_rate"], 0.25);
        assert_eq!(metrics["calls_lost"], 2.0);
        // Every metric it gives is one the catalogue defines.
        for name in metrics.keys() {
            assert!(
                crate::experiment_manager::catalogue::metric(name).is_some(),
                "{name}"
            );
        }
        // Requests whose cost was not reported: latency, but no cost.
        measured.cost_usd = None;
        measured.routed = 0;
        let metrics = session_metrics(&measured).expect("decided");
        assert!(!metrics.contains_key("cost_usd") && !metrics.contains_key("override_rate"));
        assert_eq!(metrics["latency_ms"], 1_250.0);
    }
}
