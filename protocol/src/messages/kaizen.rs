//! The Kaizen loop: experiments over the parameter store, the parameters each chat runs with, the outcomes
//! observed, the improvements shipped and the audit of every decision (docs/kaizen.md).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Whether a metric is a mean of values or a rate of 0/1 values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// A mean (cost per session, latency, checkpoints).
    Mean,
    /// A rate: every value is 0 or 1.
    Proportion,
}

/// Which direction of a metric is an improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Better {
    /// Lower is better (interruptions, cost, latency).
    Lower,
    /// Higher is better (resume success).
    Higher,
}

/// A metric an experiment measures per unit (a chat).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MetricSpec {
    /// Its name (`interrupted`, `calls_lost`, `cost_usd`, ...; see docs/kaizen.md).
    pub name: String,
    /// Mean or rate.
    pub kind: MetricKind,
    /// Which direction is better.
    pub better: Better,
}

/// A metric the treatment must not make worse by more than a margin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GuardrailSpec {
    /// The metric.
    pub metric: MetricSpec,
    /// How much worse it may get, relative to the control's mean (0.10 = 10%); 0 for "never worse".
    pub margin: f64,
}

/// What an experiment was planned for before it started.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExperimentPlan {
    /// The primary metric's mean under the current setting, from the analytics store.
    pub baseline: f64,
    /// Its standard deviation (means only).
    #[serde(default)]
    pub baseline_sd: Option<f64>,
    /// The smallest relative change worth finding (0.2 = 20%).
    pub mde: f64,
    /// Two-sided significance level.
    pub alpha: f64,
    /// Chance of finding an effect of `mde`.
    pub power: f64,
    /// Units per variant the test stage needs.
    pub units_per_arm: u64,
    /// Treatment units the 10% stage needs before the test stage starts.
    pub canary_units: u64,
}

/// Sums of one metric over the units of one variant: all a test needs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tally {
    /// Units observed.
    pub n: u64,
    /// Sum of their values.
    pub sum: f64,
    /// Sum of their squares.
    pub sum_sq: f64,
}

/// One variant of one stage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ArmRecord {
    /// Units assigned to it.
    pub exposed: u64,
    /// Units whose outcome was observed.
    pub observed: u64,
    /// Per metric, the sums of the observed units.
    pub metrics: BTreeMap<String, Tally>,
}

/// One step of the rollout: the treatment's share of units, and what its units showed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StageRecord {
    /// The treatment's share, percent: 10, 50 or 100.
    pub percent: u8,
    /// When it started, milliseconds since the Unix epoch.
    pub started_at_ms: u64,
    /// The control's units.
    pub control: ArmRecord,
    /// The treatment's units.
    pub treatment: ArmRecord,
}

/// Where an experiment is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ExperimentStatus {
    /// Within the bounds, waiting for a person (`shim-node experiments approve`).
    AwaitingApproval,
    /// Assigning chats: at 10% or 50%.
    Running,
    /// Won; the treatment is the setting for everyone (an improvement).
    Shipped,
    /// Harmed a metric at some stage and was undone.
    RolledBack,
    /// Found no difference, or was stopped by a person; the setting did not change.
    Stopped,
    /// Outside the safety bounds; it never ran.
    Refused,
    /// Shipped, then undone by a person (`shim-node improvements revert`).
    Reverted,
}

impl ExperimentStatus {
    /// Its name as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            ExperimentStatus::AwaitingApproval => "awaiting_approval",
            ExperimentStatus::Running => "running",
            ExperimentStatus::Shipped => "shipped",
            ExperimentStatus::RolledBack => "rolled_back",
            ExperimentStatus::Stopped => "stopped",
            ExperimentStatus::Refused => "refused",
            ExperimentStatus::Reverted => "reverted",
        }
    }

    /// True while it assigns chats or may still start.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            ExperimentStatus::AwaitingApproval | ExperimentStatus::Running
        )
    }
}

/// One look at a running experiment and what it decided.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LookRecord {
    /// When, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// The stage (10 or 50).
    pub stage: u8,
    /// Units observed per variant at the look (the smaller of the two).
    pub units: u64,
    /// Share of the planned units.
    pub fraction: f64,
    /// The primary metric's z statistic, signed so that positive is better.
    #[serde(default)]
    pub z: Option<f64>,
    /// The boundary |z| had to cross at this look.
    #[serde(default)]
    pub boundary: Option<f64>,
    /// What it decided: `continue`, `advance`, `ship`, `roll_back` or `stop`, with why.
    pub decision: String,
}

/// The measured effect of a treatment on one metric.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Effect {
    /// The metric.
    pub metric: String,
    /// Control's mean.
    pub control_mean: f64,
    /// Treatment's mean.
    pub treatment_mean: f64,
    /// Units per variant.
    pub n: [u64; 2],
    /// Treatment minus control.
    pub difference: f64,
    /// 95% interval of the difference.
    pub ci95: [f64; 2],
    /// Treatment / control − 1, when the control's mean is not 0.
    #[serde(default)]
    pub relative_lift: Option<f64>,
    /// 95% interval of the lift (delta method).
    #[serde(default)]
    pub lift_ci95: Option<[f64; 2]>,
    /// Two-sided p-value.
    pub p_value: f64,
}

/// One parameter an experiment changes: its value in force when the experiment was proposed (what the
/// control runs with) and the value it tries (what the treatment runs with).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParameterChange {
    /// The parameter (`checkpoint.every_calls`, ...).
    pub parameter: String,
    /// Its value in force when the experiment was proposed.
    pub control: f64,
    /// The value the treatment tries.
    pub treatment: f64,
}

/// One value a proposal tries: a parameter and the value for the treatment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProposedValue {
    /// The parameter.
    pub parameter: String,
    /// The value to try.
    pub value: f64,
}

/// An experiment: the values in force against a variant that changes one parameter or several at once
/// (possibly of different kinds: checkpoint, risk and routing together).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Experiment {
    /// Its id, `exp-<n>`.
    pub id: String,
    /// The parameter it changes (`checkpoint.every_calls`, ...); the first of `changes` when it changes
    /// several.
    pub parameter: String,
    /// The value of `parameter` in force when it was proposed.
    pub control: f64,
    /// The value of `parameter` it tries.
    pub treatment: f64,
    /// Every parameter it changes, `parameter` first. Empty in an experiment stored before an experiment
    /// could change several parameters: it changes `parameter` alone ([`Experiment::changes`] reads both).
    #[serde(default)]
    pub changes: Vec<ParameterChange>,
    /// What it expects, in a sentence.
    pub hypothesis: String,
    /// What led to it.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// `detector:<rule>` or `person:<name>`.
    pub source: String,
    /// The metric that decides.
    pub primary: MetricSpec,
    /// The metrics it must not make worse.
    #[serde(default)]
    pub guardrails: Vec<GuardrailSpec>,
    /// Its plan, computed before it started.
    pub plan: ExperimentPlan,
    /// Where it is.
    pub status: ExperimentStatus,
    /// The treatment's share now, percent (0 before it runs).
    pub stage: u8,
    /// Each stage it went through.
    #[serde(default)]
    pub stages: Vec<StageRecord>,
    /// Each look and its decision.
    #[serde(default)]
    pub looks: Vec<LookRecord>,
    /// The primary metric's effect at the last look.
    #[serde(default)]
    pub effect: Option<Effect>,
    /// Why it is where it is.
    #[serde(default)]
    pub reason: String,
    /// Who approved it, when a person did.
    #[serde(default)]
    pub approved_by: Option<String>,
    /// When it was proposed, milliseconds since the Unix epoch.
    pub created_at_ms: u64,
    /// When it last changed.
    pub updated_at_ms: u64,
    /// When it shipped, rolled back, stopped, was refused or reverted.
    #[serde(default)]
    pub decided_at_ms: Option<u64>,
}

impl Experiment {
    /// Every parameter it changes, with its control and treatment values: `changes`, or `parameter` alone for
    /// an experiment stored before an experiment could change several.
    pub fn changes(&self) -> Vec<ParameterChange> {
        if self.changes.is_empty() {
            vec![ParameterChange {
                parameter: self.parameter.clone(),
                control: self.control,
                treatment: self.treatment,
            }]
        } else {
            self.changes.clone()
        }
    }

    /// True when it changes parameter `name`.
    pub fn changes_parameter(&self, name: &str) -> bool {
        self.parameter == name || self.changes.iter().any(|change| change.parameter == name)
    }

    /// What it changes, in words: `checkpoint.every_calls 5 → 3`, several joined by `, `.
    pub fn change_text(&self) -> String {
        self.changes()
            .iter()
            .map(|change| {
                format!(
                    "{} {} → {}",
                    change.parameter, change.control, change.treatment
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The names of the parameters it changes, `a + b`.
    pub fn parameters_label(&self) -> String {
        self.changes()
            .iter()
            .map(|change| change.parameter.as_str())
            .collect::<Vec<_>>()
            .join(" + ")
    }
}

/// Proposes an experiment (the opportunity detector, or a person through the CLI).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProposeRequest {
    /// The parameter, when it changes one. With `changes`, a label naming them all (`a + b`), which a manager
    /// older than `changes` refuses as no parameter rather than testing one of them alone.
    pub parameter: String,
    /// The value to try (ignored with `changes`).
    pub treatment: f64,
    /// Every parameter the variant sets, when it sets several (at once, in one chat); `parameter` and
    /// `treatment` are then ignored. Empty: the variant sets `parameter` alone.
    #[serde(default)]
    pub changes: Vec<ProposedValue>,
    /// What it expects.
    pub hypothesis: String,
    /// What led to it.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// `detector:<rule>` or `person:<name>`.
    pub source: String,
    /// The primary metric's name; the parameter's own when absent.
    #[serde(default)]
    pub primary: Option<String>,
    /// The primary metric's current mean, and its standard deviation for a mean; from the analytics store.
    #[serde(default)]
    pub baseline: Option<f64>,
    /// Standard deviation of the baseline (means only).
    #[serde(default)]
    pub baseline_sd: Option<f64>,
}

/// Names an experiment (show, approve, stop; revert names the improvement, which has its experiment's id).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExperimentIdRequest {
    /// The experiment.
    pub id: String,
    /// Who asks (approve, stop, revert).
    #[serde(default)]
    pub by: Option<String>,
    /// Why (stop, revert).
    #[serde(default)]
    pub reason: Option<String>,
}

/// Experiments, newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ExperimentList {
    /// The experiments.
    pub experiments: Vec<Experiment>,
    /// True when there were more than listed.
    #[serde(default)]
    pub truncated: bool,
}

/// Which variant a unit is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// The current setting.
    Control,
    /// The proposed one.
    Treatment,
}

impl Variant {
    /// Its name as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Control => "control",
            Variant::Treatment => "treatment",
        }
    }
}

/// A chat's place in one running experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assignment {
    /// The experiment.
    pub experiment_id: String,
    /// Its parameter.
    pub parameter: String,
    /// The chat's variant.
    pub variant: Variant,
    /// The value the chat runs with.
    pub value: f64,
    /// The stage the chat was assigned in.
    pub stage: u8,
    /// Every parameter the experiment changes, with the chat's value of it (its variant's); empty from a
    /// manager before experiments could change several parameters.
    #[serde(default)]
    pub values: BTreeMap<String, f64>,
    /// True when the per-chat cap on automatic changes (`[kaizen] max_auto_changes_per_chat`) placed the chat
    /// in the control: it runs with the values in force and is left out of the experiment's statistics.
    #[serde(default)]
    pub capped: bool,
}

/// Asks for the parameters of chats (at most 1,000 at once); each chat is assigned to every running
/// experiment once, and keeps its variant.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AssignRequest {
    /// The chats.
    pub chat_ids: Vec<String>,
}

/// The parameters one chat runs with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChatParameters {
    /// The chat.
    pub chat_id: String,
    /// Every parameter's value for the chat: the one in force (shipped improvements, else the answering
    /// node's thresholds), or its variant's.
    pub values: BTreeMap<String, f64>,
    /// Its experiments.
    #[serde(default)]
    pub assignments: Vec<Assignment>,
}

/// The parameters of the chats asked for, in order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AssignReply {
    /// One per chat.
    pub chats: Vec<ChatParameters>,
}

/// What one chat's session came to, per metric (a metric that does not apply is absent).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Observation {
    /// The chat.
    pub chat_id: String,
    /// Metric name → value; at least one.
    pub metrics: BTreeMap<String, f64>,
}

/// Outcomes to count (at most 1,000 at once). A chat observed again replaces its earlier values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ObserveRequest {
    /// The outcomes.
    pub observations: Vec<Observation>,
}

/// What was counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ObserveReply {
    /// Outcomes counted in some experiment (a chat in two experiments counts twice).
    pub counted: u64,
    /// Outcomes of chats in no running experiment.
    pub ignored: u64,
}

/// A parameter's value in force for everyone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParameterValue {
    /// The parameter.
    pub name: String,
    /// Its value.
    pub value: f64,
    /// The built-in default.
    pub default: f64,
    /// The version of the parameter store that set it (0: the default).
    pub version: u64,
    /// When, milliseconds since the Unix epoch.
    pub set_at_ms: u64,
    /// The improvement that set it.
    #[serde(default)]
    pub improvement_id: Option<String>,
    /// Its allowed range.
    pub bounds: [f64; 2],
    /// Its approval class: `autoApprove` or `requireApproval`.
    pub approval: String,
}

/// Every parameter the loop may change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParameterList {
    /// The store's version.
    pub version: u64,
    /// The parameters.
    pub parameters: Vec<ParameterValue>,
}

/// What the loop did: one entry of the audit stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditEntry {
    /// When, milliseconds since the Unix epoch.
    pub at_ms: u64,
    /// `proposed`, `refused`, `approved`, `started`, `advanced`, `shipped`, `rolled_back`, `stopped`,
    /// `reverted`.
    pub action: String,
    /// The experiment.
    pub experiment_id: String,
    /// Its parameter (the first of `changes`).
    pub parameter: String,
    /// The values of `parameter`: control, treatment.
    pub values: [f64; 2],
    /// Every parameter the experiment changes, from (control) and to (treatment); empty in entries written
    /// before an experiment could change several parameters.
    #[serde(default)]
    pub changes: Vec<ParameterChange>,
    /// `loop`, or the person.
    pub by: String,
    /// Why.
    pub reason: String,
    /// The numbers behind it.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// Entries of the audit stream, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditList {
    /// The entries.
    pub entries: Vec<AuditEntry>,
    /// True when older ones were left out.
    #[serde(default)]
    pub truncated: bool,
}

/// Asks for the audit of a period, or of one experiment.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditRequest {
    /// Entries from this time on.
    #[serde(default)]
    pub since_ms: u64,
    /// Only this experiment's.
    #[serde(default)]
    pub experiment_id: Option<String>,
}
