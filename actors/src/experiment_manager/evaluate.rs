//! The loop's decisions, as pure functions: the plan of a proposal before it starts, and what a look at a
//! running experiment decides. docs/kaizen.md explains each rule.
//!
//! An experiment runs in two stages before it ships:
//!
//! - **10%** (the canary): 10% of new chats get the treatment. Once the treatment has
//!   [`ExperimentPlan::canary_units`] observed chats, one look: a sample ratio mismatch stops it; a guardrail
//!   or the primary metric worse than allowed rolls it back; otherwise it moves to 50%.
//! - **50%** (the test): half of new chats get it. Looks come as the observed chats per variant pass each
//!   further fifth of [`ExperimentPlan::units_per_arm`]; each look checks the sample ratio and the guardrails,
//!   then compares the primary metric's z with the alpha-spending boundary for the share of the plan seen.
//!   Crossed in the good direction with every guardrail's estimate within its margin: it ships (100%).
//!   Crossed the other way, a guardrail shown worse than its margin, or one whose estimate is over its
//!   margin when the metric crossed: it rolls back. The plan reached without a
//!   crossing: it stops, the setting unchanged.

use shim_protocol::messages::{
    ArmRecord, Better, Effect, Experiment, ExperimentPlan, LookRecord, MetricKind, MetricSpec,
    StageRecord, Tally,
};

use super::{
    catalogue::MetricDef,
    settings::KaizenSettings,
    stats::{
        self, Comparison, Direction, Guardrail, Proportion, SampleRatio, Summary, power, sequential,
    },
};

/// Looks in the test stage come at each further fifth of the plan.
const LOOK_STEP: f64 = 0.2;
/// Fewest observed chats per variant before any metric is compared.
const MIN_UNITS: u64 = 30;
/// Alpha spending is planned for about five looks; the plan is this much larger than a fixed-horizon test
/// needs (O'Brien–Fleming costs about 2–3% of sample at five looks).
const SEQUENTIAL_INFLATION: f64 = 1.03;

/// The plan of an experiment on `primary` whose current mean is `baseline` (and standard deviation
/// `baseline_sd`, for a mean): the units per variant the test stage needs to find a relative change of
/// `settings.minimum_effect` with `settings.power`.
pub fn plan(
    primary: &MetricDef,
    baseline: f64,
    baseline_sd: Option<f64>,
    settings: &KaizenSettings,
) -> Result<ExperimentPlan, String> {
    let change = match primary.better {
        Better::Lower => -settings.minimum_effect,
        Better::Higher => settings.minimum_effect,
    };
    let effect = match primary.kind {
        MetricKind::Proportion => power::effect_size_proportions(baseline, change),
        MetricKind::Mean => {
            let sd = baseline_sd.ok_or_else(|| {
                format!(
                    "the baseline of {} needs a standard deviation",
                    primary.name
                )
            })?;
            power::effect_size_means(sd, change * baseline)
        }
    }
    .map_err(|error| format!("cannot plan an experiment on {}: {error}", primary.name))?;
    let size = power::sample_size(effect, settings.alpha, settings.power)
        .map_err(|error| format!("cannot plan an experiment on {}: {error}", primary.name))?;
    let units_per_arm = (size.per_variant as f64 * SEQUENTIAL_INFLATION).ceil() as u64;
    Ok(ExperimentPlan {
        baseline,
        baseline_sd,
        mde: settings.minimum_effect,
        alpha: settings.alpha,
        power: settings.power,
        units_per_arm,
        canary_units: (units_per_arm / 10).max(MIN_UNITS),
    })
}

/// What a look decided.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    /// Not enough new data for a look, or no boundary crossed yet.
    Continue,
    /// The canary passed: on to 50%.
    Advance,
    /// The treatment won: it becomes everyone's setting.
    Ship,
    /// The treatment harmed a metric: undo it.
    RollBack(String),
    /// No difference at the planned size, or the data cannot be trusted: stop, setting unchanged.
    Stop(String),
}

/// A look's decision, the record of it and the primary metric's effect at it.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// What to do.
    pub decision: Decision,
    /// The look, when one was taken.
    pub look: Option<LookRecord>,
    /// The primary metric's effect at the look.
    pub effect: Option<Effect>,
    /// The numbers behind the decision, one line each.
    pub evidence: Vec<String>,
}

impl Verdict {
    fn wait() -> Verdict {
        Verdict {
            decision: Decision::Continue,
            look: None,
            effect: None,
            evidence: Vec::new(),
        }
    }
}

/// Looks at a running experiment at `now_ms`.
pub fn evaluate(experiment: &Experiment, settings: &KaizenSettings, now_ms: u64) -> Verdict {
    let Some(stage) = experiment.stages.last() else {
        return Verdict::wait();
    };
    let primary = &experiment.primary;
    let treatment_n = observed(&stage.treatment, &primary.name).n;
    let control_n = observed(&stage.control, &primary.name).n;
    let units = treatment_n.min(control_n);
    let plan = &experiment.plan;
    // The test stage's earlier looks, with the boundaries they had: the next boundary builds on them.
    let earlier: Vec<(f64, f64)> = experiment
        .looks
        .iter()
        .filter(|look| look.stage == stage.percent)
        .filter_map(|look| look.boundary.map(|boundary| (look.fraction, boundary)))
        .collect();
    let (fraction, due) = match stage.percent {
        10 => (
            (treatment_n as f64 / plan.canary_units as f64).min(1.0),
            treatment_n >= plan.canary_units && control_n >= MIN_UNITS,
        ),
        50 => {
            let fraction = (units as f64 / plan.units_per_arm as f64).min(1.0);
            let last = earlier.last().map_or(0.0, |(fraction, _)| *fraction);
            let due = units >= MIN_UNITS
                && last < 1.0
                && (fraction >= 1.0 || fraction - last >= LOOK_STEP - 1e-9);
            (fraction, due)
        }
        _ => return Verdict::wait(),
    };
    if !due {
        return Verdict::wait();
    }
    let mut evidence = Vec::new();
    // A look that decided: its record, and the verdict carrying it.
    let conclude = |decision: Decision,
                    z: Option<f64>,
                    boundary: Option<f64>,
                    why: String,
                    effect: Option<Effect>,
                    evidence: Vec<String>| Verdict {
        decision,
        look: Some(LookRecord {
            at_ms: now_ms,
            stage: stage.percent,
            units,
            fraction,
            z,
            boundary,
            decision: why,
        }),
        effect,
        evidence,
    };

    // 1. The split.
    let planned = [f64::from(100 - stage.percent), f64::from(stage.percent)];
    if let Ok(SampleRatio {
        p_value, flagged, ..
    }) =
        stats::sample_ratio_mismatch(&[stage.control.exposed, stage.treatment.exposed], &planned)
    {
        evidence.push(format!(
            "split {} control / {} treatment for a planned {}/{}: sample ratio p = {p_value:.4}",
            stage.control.exposed, stage.treatment.exposed, planned[0], planned[1]
        ));
        if flagged {
            let why = format!(
                "sample ratio mismatch (p = {p_value:.2e} < 0.001): assignment or logging is broken, so no \
                 difference can be trusted"
            );
            return conclude(
                Decision::Stop(why.clone()),
                None,
                None,
                format!("stop: {why}"),
                None,
                evidence,
            );
        }
    }

    // 2. The guardrails: worse by more than their margin is a regression. Several are tested at each look, so
    //    their p-values are adjusted by Holm's method before any is called worse.
    let mut over_margin = Vec::new();
    let mut checked = Vec::new();
    for guardrail in &experiment.guardrails {
        match guardrail_check(
            stage,
            &guardrail.metric,
            guardrail.margin,
            settings.guardrail_alpha,
        ) {
            Some(check) => checked.push(check),
            None => evidence.push(format!(
                "guardrail {}: too few observations to compare",
                guardrail.metric.name
            )),
        }
    }
    let adjusted = stats::holm(
        &checked
            .iter()
            .map(|check| check.p_worse)
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default();
    let mut regression_opt = None;
    for (check, adjusted) in checked.into_iter().zip(adjusted) {
        let line = format!("{} (Holm-adjusted {adjusted:.4})", check.line);
        evidence.push(line.clone());
        if adjusted < settings.guardrail_alpha && regression_opt.is_none() {
            regression_opt = Some(line.clone());
        }
        if check.estimate_over_margin {
            over_margin.push(line);
        }
    }
    if let Some(line) = regression_opt {
        let why = format!("guardrail regression: {line}");
        return conclude(
            Decision::RollBack(why.clone()),
            None,
            None,
            format!("roll back: {why}"),
            None,
            evidence,
        );
    }

    // 3. The primary metric.
    let comparison = match compare(stage, primary) {
        Ok(comparison) => comparison,
        Err(error) => {
            evidence.push(format!("{}: {error}", primary.name));
            if stage.percent == 50 && fraction >= 1.0 {
                let why = format!(
                    "the plan was reached and {} could not be compared: {error}",
                    primary.name
                );
                return conclude(
                    Decision::Stop(why.clone()),
                    None,
                    None,
                    format!("stop: {why}"),
                    None,
                    evidence,
                );
            }
            if stage.percent == 10 {
                return conclude(
                    Decision::Advance,
                    None,
                    None,
                    "advance to 50%: guardrails hold".to_owned(),
                    None,
                    evidence,
                );
            }
            return Verdict {
                evidence,
                ..Verdict::wait()
            };
        }
    };
    let effect = effect_of(&primary.name, &comparison, control_n, treatment_n);
    let z = match primary.better {
        Better::Lower => -comparison.statistic,
        Better::Higher => comparison.statistic,
    };
    evidence.push(effect_line(&effect));
    if stage.percent == 10 {
        // The canary looks for harm only: the primary one-sided, like a guardrail with no margin.
        let harm = stats::standard_normal_cdf(z);
        let (decision, why) = if harm < settings.guardrail_alpha {
            let why = format!(
                "{} is worse under the treatment at 10% (one-sided p = {harm:.4})",
                primary.name
            );
            (Decision::RollBack(why.clone()), format!("roll back: {why}"))
        } else {
            (
                Decision::Advance,
                "advance to 50%: no harm at 10%".to_owned(),
            )
        };
        return conclude(decision, Some(z), None, why, Some(effect), evidence);
    }
    let look = match sequential::look_after(&earlier, fraction, z, plan.alpha) {
        Ok(look) => look,
        Err(error) => {
            evidence.push(format!("look: {error}"));
            return Verdict {
                evidence,
                ..Verdict::wait()
            };
        }
    };
    let boundary = Some(look.boundary);
    let (decision, why) = if look.crossed && z > 0.0 {
        if over_margin.is_empty() {
            (
                Decision::Ship,
                format!(
                    "ship: {} better, |z| = {:.2} crossed {:.2} at {:.0}% of the plan",
                    primary.name,
                    z.abs(),
                    look.boundary,
                    fraction * 100.0
                ),
            )
        } else {
            // The treatment is live for half the chats and a guardrail looks worse than allowed: it is not
            // shown harmful, but it is not kept either.
            let why = format!(
                "{} is better, but a guardrail is worse than its margin: {}",
                primary.name,
                over_margin.join("; ")
            );
            (Decision::RollBack(why.clone()), format!("roll back: {why}"))
        }
    } else if look.crossed {
        let why = format!(
            "{} is worse under the treatment: |z| = {:.2} crossed {:.2}",
            primary.name,
            z.abs(),
            look.boundary
        );
        (Decision::RollBack(why.clone()), format!("roll back: {why}"))
    } else if fraction >= 1.0 {
        let why = format!(
            "no difference in {} at the planned {} chats per variant (|z| = {:.2} < {:.2})",
            primary.name,
            plan.units_per_arm,
            z.abs(),
            look.boundary
        );
        (Decision::Stop(why.clone()), format!("stop: {why}"))
    } else {
        (
            Decision::Continue,
            format!(
                "continue: |z| = {:.2} below {:.2} at {:.0}% of the plan",
                z.abs(),
                look.boundary,
                fraction * 100.0
            ),
        )
    };
    conclude(decision, Some(z), boundary, why, Some(effect), evidence)
}

fn observed<'a>(arm: &'a ArmRecord, metric: &str) -> std::borrow::Cow<'a, Tally> {
    arm.metrics
        .get(metric)
        .map(std::borrow::Cow::Borrowed)
        .unwrap_or_default()
}

/// Compares treatment with control on `metric` in one stage.
pub fn compare(stage: &StageRecord, metric: &MetricSpec) -> Result<Comparison, String> {
    let control = observed(&stage.control, &metric.name);
    let treatment = observed(&stage.treatment, &metric.name);
    if control.n < MIN_UNITS || treatment.n < MIN_UNITS {
        return Err(format!(
            "too few observations ({} control, {} treatment; {MIN_UNITS} each needed)",
            control.n, treatment.n
        ));
    }
    match metric.kind {
        MetricKind::Mean => {
            let (control, treatment) = summaries(&control, &treatment)?;
            stats::welch_t_test(&control, &treatment)
        }
        MetricKind::Proportion => {
            let (control, treatment) = proportions(&control, &treatment)?;
            stats::two_proportion_z_test(&control, &treatment)
        }
    }
    .map_err(|error| error.to_string())
}

fn summaries(control: &Tally, treatment: &Tally) -> Result<(Summary, Summary), String> {
    let summary = |tally: &Tally| {
        Summary::from_sums(tally.n, tally.sum, tally.sum_sq).map_err(|error| error.to_string())
    };
    Ok((summary(control)?, summary(treatment)?))
}

fn proportions(control: &Tally, treatment: &Tally) -> Result<(Proportion, Proportion), String> {
    let proportion = |tally: &Tally| {
        Proportion::new(tally.sum.round().max(0.0) as u64, tally.n)
            .map_err(|error| error.to_string())
    };
    Ok((proportion(control)?, proportion(treatment)?))
}

struct GuardrailCheck {
    line: String,
    /// One-sided p-value of "no worse than the margin".
    p_worse: f64,
    estimate_over_margin: bool,
}

/// The regression test of one guardrail in one stage: `None` with too few observations.
fn guardrail_check(
    stage: &StageRecord,
    metric: &MetricSpec,
    margin: f64,
    alpha: f64,
) -> Option<GuardrailCheck> {
    let control = observed(&stage.control, &metric.name);
    let treatment = observed(&stage.treatment, &metric.name);
    if control.n < MIN_UNITS || treatment.n < MIN_UNITS {
        return None;
    }
    let control_mean = control.sum / control.n as f64;
    let treatment_mean = treatment.sum / treatment.n as f64;
    let absolute_margin = margin * control_mean.abs();
    let guardrail = Guardrail {
        direction: match metric.better {
            Better::Lower => Direction::LowerIsBetter,
            Better::Higher => Direction::HigherIsBetter,
        },
        margin: absolute_margin,
        alpha,
    };
    let result = match metric.kind {
        MetricKind::Mean => {
            let (control, treatment) = summaries(&control, &treatment).ok()?;
            stats::guardrail_means(&control, &treatment, &guardrail)
        }
        MetricKind::Proportion => {
            let (control, treatment) = proportions(&control, &treatment).ok()?;
            stats::guardrail_proportions(&control, &treatment, &guardrail)
        }
    }
    .ok()?;
    let worse_by = match metric.better {
        Better::Lower => treatment_mean - control_mean,
        Better::Higher => control_mean - treatment_mean,
    };
    Some(GuardrailCheck {
        line: format!(
            "guardrail {}: control {control_mean:.4}, treatment {treatment_mean:.4}, allowed {:.0}% worse; \
             p(worse than allowed) = {:.4}",
            metric.name,
            margin * 100.0,
            result.p_worse
        ),
        p_worse: result.p_worse,
        // A "never worse" guardrail (margin 0) blocks only on evidence (the regression test above): its
        // estimate is worse than control about half the time by chance alone.
        estimate_over_margin: margin > 0.0 && worse_by > absolute_margin,
    })
}

fn effect_of(metric: &str, comparison: &Comparison, control_n: u64, treatment_n: u64) -> Effect {
    Effect {
        metric: metric.to_owned(),
        control_mean: comparison.control_mean,
        treatment_mean: comparison.treatment_mean,
        n: [control_n, treatment_n],
        difference: comparison.difference,
        ci95: [comparison.ci95.low, comparison.ci95.high],
        relative_lift: comparison.lift_opt.map(|lift| lift.estimate),
        lift_ci95: comparison
            .lift_opt
            .map(|lift| [lift.ci95.low, lift.ci95.high]),
        p_value: comparison.p_value,
    }
}

/// One line for an effect: `calls_lost: 1.80 → 1.41 (−21.7%, 95% CI −30.2% to −13.1%), p = 0.0003`.
pub fn effect_line(effect: &Effect) -> String {
    let lift = match (effect.relative_lift, effect.lift_ci95) {
        (Some(lift), Some([low, high])) => format!(
            " ({:+.1}%, 95% CI {:+.1}% to {:+.1}%)",
            lift * 100.0,
            low * 100.0,
            high * 100.0
        ),
        _ => String::new(),
    };
    format!(
        "{}: {:.4} → {:.4}{lift}, n = {}/{}, p = {:.4}",
        effect.metric,
        effect.control_mean,
        effect.treatment_mean,
        effect.n[0],
        effect.n[1],
        effect.p_value
    )
}

#[cfg(test)]
mod tests;
