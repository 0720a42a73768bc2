//! The safety settings of the Kaizen loop (`[kaizen]` in the config): the range each parameter may take, the
//! approval class of each kind of change, how many changes the loop may make by itself a day, how much worse
//! cost and latency may get, and the statistics' levels. [`KaizenSettings::check`] is the one place a
//! proposal is judged against them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::catalogue::{self, ChangeKind, ParameterSpec};

/// `autoApprove`: the loop starts such an experiment by itself.
pub const AUTO_APPROVE: &str = "autoApprove";
/// `requireApproval`: a person starts it (`shim-node experiments approve`).
pub const REQUIRE_APPROVAL: &str = "requireApproval";

/// The `[kaizen]` settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct KaizenSettings {
    /// The loop looks for opportunities and runs experiments by itself. Default true.
    pub enabled: bool,
    /// Experiments the loop may start by itself in any 24 hours (approved ones do not count). Default 1.
    pub max_auto_changes_per_day: u32,
    /// Parameters any one chat runs with changed from the values in force by the experiments the loop
    /// started by itself (approved ones do not count). A chat whose earlier experiments' treatments already
    /// change this many is placed in the control of a later one and left out of its statistics; an
    /// experiment that changes more than this many parameters needs a person. Default 2.
    pub max_auto_changes_per_chat: u32,
    /// How much more a session may cost under a treatment, relative (0.05 = 5%). Default 0.05.
    pub max_cost_increase: f64,
    /// How much slower API requests may get under a treatment, relative. Default 0.10.
    pub max_latency_increase: f64,
    /// The smallest relative change of the primary metric an experiment is planned to find. Default 0.20.
    pub minimum_effect: f64,
    /// Two-sided significance level of the primary test. Default 0.05.
    pub alpha: f64,
    /// Planned power at the minimum effect. Default 0.90.
    pub power: f64,
    /// One-sided level of each guardrail's regression test at each look. Default 0.01.
    pub guardrail_alpha: f64,
    /// Approval class per kind of change (`checkpoint`, `risk`, `routing`): `autoApprove` or
    /// `requireApproval`. Default: `autoApprove` for checkpoint and risk, `requireApproval` for routing (a
    /// routing change moves what is spent).
    pub approval: BTreeMap<String, String>,
    /// Narrower ranges per parameter than the built-in ones, `"checkpoint.every_calls" = [3, 10]`.
    pub bounds: BTreeMap<String, [f64; 2]>,
    /// How often the loop looks at the running experiments, seconds. Default 600.
    pub look_every_s: u64,
    /// How often the opportunity detector reads the analytics store, seconds. Default 3600.
    pub detect_every_s: u64,
    /// The days of sessions the detector reads. Default 7.
    pub detect_window_days: u64,
}

impl Default for KaizenSettings {
    fn default() -> Self {
        KaizenSettings {
            enabled: true,
            max_auto_changes_per_day: 1,
            max_auto_changes_per_chat: 2,
            max_cost_increase: 0.05,
            max_latency_increase: 0.10,
            minimum_effect: 0.20,
            alpha: 0.05,
            power: 0.90,
            guardrail_alpha: 0.01,
            approval: BTreeMap::new(),
            bounds: BTreeMap::new(),
            look_every_s: 600,
            detect_every_s: 3600,
            detect_window_days: 7,
        }
    }
}

/// How a proposal within the bounds goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    /// It starts now.
    Auto,
    /// It waits for a person.
    Person,
}

impl KaizenSettings {
    /// Checks the settings themselves; the message names the setting.
    pub fn validate(&self) -> Result<(), String> {
        let open = |name: &str, value: f64| {
            if value.is_finite() && value > 0.0 && value < 1.0 {
                Ok(())
            } else {
                Err(format!(
                    "kaizen.{name} must be between 0 and 1, not {value}"
                ))
            }
        };
        open("alpha", self.alpha)?;
        open("power", self.power)?;
        open("guardrail_alpha", self.guardrail_alpha)?;
        open("minimum_effect", self.minimum_effect)?;
        if self.power <= self.alpha {
            return Err("kaizen.power must be larger than kaizen.alpha".to_owned());
        }
        for (name, value) in [
            ("max_cost_increase", self.max_cost_increase),
            ("max_latency_increase", self.max_latency_increase),
        ] {
            if !value.is_finite() || !(0.0..=10.0).contains(&value) {
                return Err(format!(
                    "kaizen.{name} must be between 0 and 10, not {value}"
                ));
            }
        }
        if !(1..=86_400).contains(&self.look_every_s)
            || !(1..=7 * 86_400).contains(&self.detect_every_s)
        {
            return Err(
                "kaizen.look_every_s must be 1 to 86400 and kaizen.detect_every_s 1 to 604800"
                    .to_owned(),
            );
        }
        if !(1..=catalogue::PARAMETERS.len() as u32).contains(&self.max_auto_changes_per_chat) {
            return Err(format!(
                "kaizen.max_auto_changes_per_chat must be 1 to {}, not {} (enabled = false stops the loop \
                 from changing anything by itself)",
                catalogue::PARAMETERS.len(),
                self.max_auto_changes_per_chat
            ));
        }
        if !(1..=30).contains(&self.detect_window_days) {
            return Err("kaizen.detect_window_days must be 1 to 30".to_owned());
        }
        for (kind, class) in &self.approval {
            if !ChangeKind::ALL.iter().any(|known| known.as_str() == kind) {
                return Err(format!(
                    "kaizen.approval names {kind:?}; the kinds of change are checkpoint, risk and routing"
                ));
            }
            if class != AUTO_APPROVE && class != REQUIRE_APPROVAL {
                return Err(format!(
                    "kaizen.approval.{kind} is {class:?}; it must be {AUTO_APPROVE} or {REQUIRE_APPROVAL}"
                ));
            }
        }
        for (name, [low, high]) in &self.bounds {
            let spec = catalogue::parameter(name)
                .ok_or_else(|| format!("kaizen.bounds names {name:?}, which is not a parameter"))?;
            if !(low.is_finite() && high.is_finite() && low <= high)
                || *low < spec.bounds[0]
                || *high > spec.bounds[1]
            {
                return Err(format!(
                    "kaizen.bounds.{name} is [{low}, {high}]; it may only narrow the built-in range [{}, {}]",
                    spec.bounds[0], spec.bounds[1]
                ));
            }
        }
        Ok(())
    }

    /// The range parameter `spec` may take.
    pub fn bounds_of(&self, spec: &ParameterSpec) -> [f64; 2] {
        self.bounds.get(spec.name).copied().unwrap_or(spec.bounds)
    }

    /// The approval class of a kind of change.
    pub fn approval_of(&self, kind: ChangeKind) -> &str {
        let default = match kind {
            ChangeKind::Checkpoint | ChangeKind::Risk => AUTO_APPROVE,
            ChangeKind::Routing => REQUIRE_APPROVAL,
        };
        self.approval
            .get(kind.as_str())
            .map_or(default, String::as_str)
    }

    /// Judges a proposal to move parameter `name` from `control` to `treatment`, when the loop started
    /// `auto_changes_today` experiments by itself in the last 24 hours and `by_person` says whether a person
    /// proposed it. The error is the reason it is refused.
    pub fn check(
        &self,
        name: &str,
        control: f64,
        treatment: f64,
        auto_changes_today: u32,
        by_person: bool,
    ) -> Result<Approval, String> {
        self.check_variant(&[(name, control, treatment)], auto_changes_today, by_person)
    }

    /// Checks one value of a variant against its parameter's bounds; the parameter.
    fn check_value(
        &self,
        name: &str,
        control: f64,
        treatment: f64,
    ) -> Result<&'static ParameterSpec, String> {
        let spec = catalogue::parameter(name).ok_or_else(|| {
            format!(
                "{name:?} is not a parameter the loop may change; the parameters are {}",
                catalogue::PARAMETERS.map(|spec| spec.name).join(", ")
            )
        })?;
        if !treatment.is_finite() {
            return Err(format!("the value {treatment} is not a number"));
        }
        let [low, high] = self.bounds_of(spec);
        if treatment < low || treatment > high {
            return Err(format!(
                "{name} = {treatment} is outside its safety bounds [{low}, {high}]"
            ));
        }
        if spec.integer && treatment.fract() != 0.0 {
            return Err(format!("{name} takes whole numbers, not {treatment}"));
        }
        if treatment == control {
            return Err(format!(
                "{name} is already {control}: there is nothing to test"
            ));
        }
        Ok(spec)
    }

    /// The kinds of change among `names` whose approval class is `requireApproval`, in catalogue order.
    pub fn kinds_needing_approval<'a>(
        &self,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Vec<ChangeKind> {
        let names: Vec<&str> = names.into_iter().collect();
        ChangeKind::ALL
            .into_iter()
            .filter(|kind| {
                self.approval_of(*kind) == REQUIRE_APPROVAL
                    && names.iter().any(|name| {
                        catalogue::parameter(name).is_some_and(|spec| spec.kind == *kind)
                    })
            })
            .collect()
    }

    /// Judges a variant that sets every `(name, control, treatment)` at once: each value within its
    /// parameter's bounds; a person's approval when a person proposed it or any of its kinds of change
    /// requires approval; otherwise within the day's cap on automatic experiments and the per-chat cap on
    /// automatic changes. The error is the reason it is refused. (Warning below danger is checked on the
    /// combination by the manager, which knows the values in force.)
    pub fn check_variant(
        &self,
        changes: &[(&str, f64, f64)],
        auto_changes_today: u32,
        by_person: bool,
    ) -> Result<Approval, String> {
        if changes.is_empty() {
            return Err("the proposal sets no parameter".to_owned());
        }
        for (index, (name, control, treatment)) in changes.iter().enumerate() {
            self.check_value(name, *control, *treatment)?;
            if changes[..index]
                .iter()
                .any(|(earlier, _, _)| earlier == name)
            {
                return Err(format!("{name} is set twice in one proposal"));
            }
        }
        let names = changes.iter().map(|(name, _, _)| *name);
        if by_person || !self.kinds_needing_approval(names).is_empty() {
            return Ok(Approval::Person);
        }
        if changes.len() > self.max_auto_changes_per_chat as usize {
            return Err(format!(
                "it changes {} parameters at once, more than the loop may change by itself in one chat \
                 (kaizen.max_auto_changes_per_chat = {}); a person may propose it",
                changes.len(),
                self.max_auto_changes_per_chat
            ));
        }
        if auto_changes_today >= self.max_auto_changes_per_day {
            return Err(format!(
                "the loop already started {auto_changes_today} experiment(s) by itself in the last 24 hours \
                 (kaizen.max_auto_changes_per_day = {})",
                self.max_auto_changes_per_day
            ));
        }
        Ok(Approval::Auto)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_outside_the_bounds_is_refused_with_the_reason() {
        let mut settings = KaizenSettings::default();
        settings
            .bounds
            .insert("checkpoint.every_calls".to_owned(), [4.0, 10.0]);
        settings.validate().expect("narrower bounds are fine");
        let refused = settings
            .check("checkpoint.every_calls", 5.0, 3.0, 0, false)
            .expect_err("3 < 4");
        assert!(
            refused.contains("outside its safety bounds [4, 10]"),
            "{refused}"
        );
        assert_eq!(
            settings.check("checkpoint.every_calls", 5.0, 4.0, 0, false),
            Ok(Approval::Auto)
        );
        assert!(
            settings
                .check("checkpoint.every_calls", 5.0, 4.5, 0, false)
                .is_err()
        );
        assert!(settings.check("nope", 5.0, 4.0, 0, false).is_err());
        assert!(
            settings
                .check("checkpoint.every_calls", 5.0, 5.0, 0, false)
                .is_err()
        );
    }

    #[test]
    fn the_daily_cap_and_the_approval_class_decide_who_starts_it() {
        let mut settings = KaizenSettings::default();
        let capped = settings
            .check("checkpoint.every_calls", 5.0, 4.0, 1, false)
            .expect_err("cap of 1 reached");
        assert!(capped.contains("max_auto_changes_per_day"), "{capped}");
        assert_eq!(
            settings.check("checkpoint.every_calls", 5.0, 4.0, 1, true),
            Ok(Approval::Person),
            "a person's proposal is not an automatic change"
        );
        settings
            .approval
            .insert("risk".to_owned(), REQUIRE_APPROVAL.to_owned());
        assert_eq!(
            settings.check("risk.context_warning", 0.6, 0.5, 0, false),
            Ok(Approval::Person)
        );
        assert_eq!(
            settings.check("routing.lean.design", 0.0, 0.55, 0, false),
            Ok(Approval::Person),
            "a routing change needs a person unless the config says otherwise"
        );
        settings
            .approval
            .insert("routing".to_owned(), AUTO_APPROVE.to_owned());
        settings.validate().expect("routing is a kind of change");
        assert_eq!(
            settings.check("routing.lean.design", 0.0, -0.55, 0, false),
            Ok(Approval::Auto),
            "a lean may be negative"
        );
        assert!(
            settings
                .check("routing.lean", 0.0, 1.5, 0, false)
                .expect_err("past the quality strategy's push")
                .contains("outside its safety bounds")
        );
    }

    #[test]
    fn a_variant_is_judged_on_every_value_and_waits_when_any_kind_needs_approval() {
        let mut settings = KaizenSettings::default();
        let both = [
            ("checkpoint.every_calls", 5.0, 3.0),
            ("risk.calls_since_checkpoint_warning", 10.0, 7.0),
        ];
        assert_eq!(settings.check_variant(&both, 0, false), Ok(Approval::Auto));
        // One value out of bounds refuses the whole variant, naming it.
        let refused = settings
            .check_variant(
                &[
                    ("checkpoint.every_calls", 5.0, 3.0),
                    ("risk.calls_since_checkpoint_warning", 10.0, 2.0),
                ],
                0,
                false,
            )
            .expect_err("2 < 3");
        assert!(
            refused.contains("risk.calls_since_checkpoint_warning = 2 is outside"),
            "{refused}"
        );
        assert!(
            settings
                .check_variant(
                    &[
                        ("checkpoint.every_calls", 5.0, 3.0),
                        ("checkpoint.every_calls", 5.0, 4.0)
                    ],
                    0,
                    false
                )
                .expect_err("twice")
                .contains("set twice")
        );
        // A routing value makes the whole variant wait, and only routing is named.
        let mixed = [
            ("checkpoint.every_calls", 5.0, 3.0),
            ("routing.lean.design", 0.0, 0.55),
        ];
        assert_eq!(
            settings.check_variant(&mixed, 0, false),
            Ok(Approval::Person)
        );
        assert_eq!(
            settings.kinds_needing_approval(mixed.iter().map(|(name, _, _)| *name)),
            vec![ChangeKind::Routing]
        );
        // More parameters than one chat may have changed automatically: refused unless a person proposes.
        settings.max_auto_changes_per_chat = 1;
        assert!(
            settings
                .check_variant(&both, 0, false)
                .expect_err("two > one")
                .contains("max_auto_changes_per_chat = 1")
        );
        assert_eq!(settings.check_variant(&both, 0, true), Ok(Approval::Person));
        settings.max_auto_changes_per_chat = 0;
        assert!(settings.validate().is_err());
    }

    #[test]
    fn settings_that_widen_a_range_or_name_nothing_are_refused() {
        let mut settings = KaizenSettings::default();
        settings
            .bounds
            .insert("checkpoint.every_calls".to_owned(), [1.0, 10.0]);
        assert!(
            settings
                .validate()
                .expect_err("wider")
                .contains("only narrow")
        );
        let mut settings = KaizenSettings::default();
        settings
            .approval
            .insert("budget".to_owned(), AUTO_APPROVE.to_owned());
        assert!(settings.validate().is_err());
        let settings = KaizenSettings {
            power: 0.01,
            ..KaizenSettings::default()
        };
        assert!(settings.validate().is_err());
    }
}
