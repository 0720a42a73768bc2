//! The plan and each decision of a look, on experiments whose tallies are written out as sums: a variant of
//! `n` chats with mean `m` and sample standard deviation `s` has sum `n·m` and sum of squares
//! `(n − 1)·s² + n·m²`, so every statistic below is exact and the same on every run.

use shim_protocol::messages::{
    ArmRecord, Experiment, ExperimentPlan, ExperimentStatus, GuardrailSpec, LookRecord,
    StageRecord, Tally,
};

use super::{Decision, Verdict, evaluate, plan};
use crate::experiment_manager::{catalogue, settings::KaizenSettings, stats::power};

/// `n` values with mean `mean` and sample standard deviation `sd`.
fn mean_tally(n: u64, mean: f64, sd: f64) -> Tally {
    let count = n as f64;
    Tally {
        n,
        sum: count * mean,
        sum_sq: (count - 1.0) * sd * sd + count * mean * mean,
    }
}

/// `n` values of 0 or 1, `ones` of them 1.
fn rate_tally(n: u64, ones: u64) -> Tally {
    Tally {
        n,
        sum: ones as f64,
        sum_sq: ones as f64,
    }
}

/// An arm with `exposed` chats assigned and these tallies observed.
fn arm(exposed: u64, metrics: &[(&str, Tally)]) -> ArmRecord {
    ArmRecord {
        exposed,
        observed: metrics.iter().map(|(_, tally)| tally.n).max().unwrap_or(0),
        metrics: metrics
            .iter()
            .map(|(name, tally)| ((*name).to_owned(), *tally))
            .collect(),
    }
}

/// A look already taken at 50% at `fraction` of the plan.
fn earlier_look(fraction: f64) -> LookRecord {
    LookRecord {
        at_ms: 1,
        stage: 50,
        units: (fraction * 1_000.0) as u64,
        fraction,
        z: Some(0.1),
        boundary: Some(10.0),
        decision: "continue".to_owned(),
    }
}

/// An experiment on checkpoint.every_calls judged by calls_lost, planned for 1,000 chats per variant and a
/// canary of 100, at `stage` with these arms, the guardrails `(metric, margin)` and earlier looks at 50% at
/// `looks`.
fn experiment(
    stage: u8,
    guardrails: &[(&str, f64)],
    control: ArmRecord,
    treatment: ArmRecord,
    looks: &[f64],
) -> Experiment {
    let metric = |name: &str| catalogue::metric(name).expect("a metric").spec();
    let mut stages = vec![StageRecord {
        percent: 10,
        started_at_ms: 1,
        control: ArmRecord::default(),
        treatment: ArmRecord::default(),
    }];
    let current = StageRecord {
        percent: stage,
        started_at_ms: 2,
        control,
        treatment,
    };
    if stage == 10 {
        stages[0] = current;
    } else {
        stages.push(current);
    }
    Experiment {
        id: "exp-1".to_owned(),
        parameter: "checkpoint.every_calls".to_owned(),
        control: 5.0,
        treatment: 3.0,
        changes: Vec::new(),
        hypothesis: "fewer calls lost".to_owned(),
        evidence: Vec::new(),
        source: "detector:checkpoint-gap".to_owned(),
        primary: metric("calls_lost"),
        guardrails: guardrails
            .iter()
            .map(|(name, margin)| GuardrailSpec {
                metric: metric(name),
                margin: *margin,
            })
            .collect(),
        plan: ExperimentPlan {
            baseline: 2.0,
            baseline_sd: Some(2.0),
            mde: 0.2,
            alpha: 0.05,
            power: 0.9,
            units_per_arm: 1_000,
            canary_units: 100,
        },
        status: ExperimentStatus::Running,
        stage,
        stages,
        looks: looks
            .iter()
            .map(|&fraction| earlier_look(fraction))
            .collect(),
        effect: None,
        reason: String::new(),
        approved_by: None,
        created_at_ms: 1,
        updated_at_ms: 2,
        decided_at_ms: None,
    }
}

/// The guardrails every proposal gets (the primary, calls_lost, is not among them).
const GUARDRAILS: [(&str, f64); 3] = [
    ("interrupted", 0.0),
    ("cost_usd", 0.05),
    ("latency_ms", 0.10),
];

/// Guardrail tallies that are the same in both variants: within every margin.
fn steady_guardrails(n: u64) -> Vec<(&'static str, Tally)> {
    vec![
        ("interrupted", rate_tally(n, n / 10)),
        ("cost_usd", mean_tally(n, 0.50, 0.20)),
        ("latency_ms", mean_tally(n, 1_000.0, 200.0)),
    ]
}

fn with(
    mut metrics: Vec<(&'static str, Tally)>,
    more: &[(&'static str, Tally)],
) -> Vec<(&'static str, Tally)> {
    for (name, tally) in more {
        metrics.retain(|(each, _)| each != name);
        metrics.push((name, *tally));
    }
    metrics
}

fn look(verdict: &Verdict) -> &LookRecord {
    verdict.look.as_ref().expect("a look was taken")
}

fn reason(verdict: &Verdict) -> &str {
    match &verdict.decision {
        Decision::RollBack(why) | Decision::Stop(why) => why,
        other => panic!("expected a roll back or a stop, got {other:?}: {verdict:#?}"),
    }
}

#[test]
fn the_plan_is_the_sample_size_with_three_percent_for_the_looks_and_a_tenth_for_the_canary() {
    let settings = KaizenSettings::default();
    let calls_lost = catalogue::metric("calls_lost").expect("metric");
    let interrupted = catalogue::metric("interrupted").expect("metric");

    // A mean, 20% lower: effect 0.4 / 3.
    let mean = plan(calls_lost, 2.0, Some(3.0), &settings).expect("plans");
    let size = power::sample_size(
        power::effect_size_means(3.0, -0.4).expect("effect"),
        0.05,
        0.9,
    )
    .expect("size");
    assert_eq!(size.per_variant, 1_183);
    assert_eq!(
        mean.units_per_arm,
        (size.per_variant as f64 * 1.03).ceil() as u64
    );
    assert_eq!((mean.units_per_arm, mean.canary_units), (1_219, 121));
    assert_eq!(
        (
            mean.baseline,
            mean.baseline_sd,
            mean.mde,
            mean.alpha,
            mean.power
        ),
        (2.0, Some(3.0), 0.2, 0.05, 0.9)
    );

    // A rate, 20% lower: 0.20 → 0.16, Cohen's h.
    let rate = plan(interrupted, 0.2, None, &settings).expect("plans");
    let size = power::sample_size(
        power::effect_size_proportions(0.2, -0.2).expect("effect"),
        0.05,
        0.9,
    )
    .expect("size");
    assert_eq!(
        rate.units_per_arm,
        (size.per_variant as f64 * 1.03).ceil() as u64
    );
    assert_eq!((rate.units_per_arm, rate.canary_units), (1_993, 199));

    // A small plan still looks at 30 treated chats in the canary.
    let small = plan(calls_lost, 2.0, Some(1.0), &settings).expect("plans");
    assert_eq!((small.units_per_arm, small.canary_units), (136, 30));

    // A mean needs its standard deviation; a rate its baseline inside (0, 1).
    let no_sd = plan(calls_lost, 2.0, None, &settings).expect_err("no sd");
    assert!(no_sd.contains("needs a standard deviation"), "{no_sd}");
    assert!(plan(interrupted, 0.0, None, &settings).is_err());
}

#[test]
fn the_canary_look_is_due_only_once_the_treatment_has_its_canary_units() {
    let settings = KaizenSettings::default();
    let canary = |treated: u64| {
        experiment(
            10,
            &GUARDRAILS,
            arm(
                900,
                &with(
                    steady_guardrails(900),
                    &[("calls_lost", mean_tally(900, 2.0, 1.5))],
                ),
            ),
            arm(
                100,
                &with(
                    steady_guardrails(treated),
                    &[("calls_lost", mean_tally(treated, 2.0, 1.5))],
                ),
            ),
            &[],
        )
    };
    let early = evaluate(&canary(99), &settings, 10);
    assert_eq!(early.decision, Decision::Continue);
    assert!(
        early.look.is_none(),
        "no look before 100 treated: {early:?}"
    );

    let due = evaluate(&canary(100), &settings, 10);
    assert_eq!(due.decision, Decision::Advance, "{due:#?}");
    let taken = look(&due);
    assert_eq!((taken.stage, taken.units, taken.at_ms), (10, 100, 10));
    assert_eq!(taken.fraction, 1.0);
    assert!(taken.decision.starts_with("advance to 50%"), "{taken:?}");
    assert!(due.effect.is_some());
    assert!(
        due.evidence
            .iter()
            .any(|line| line.starts_with("split 900 control / 100 treatment")),
        "{:?}",
        due.evidence
    );
}

#[test]
fn a_canary_rolls_back_when_the_primary_is_clearly_worse() {
    let settings = KaizenSettings::default();
    let worse = experiment(
        10,
        &GUARDRAILS,
        arm(
            900,
            &with(
                steady_guardrails(900),
                &[("calls_lost", mean_tally(900, 2.0, 1.5))],
            ),
        ),
        arm(
            100,
            &with(
                steady_guardrails(100),
                &[("calls_lost", mean_tally(100, 3.0, 1.5))],
            ),
        ),
        &[],
    );
    let verdict = evaluate(&worse, &settings, 10);
    assert!(
        matches!(verdict.decision, Decision::RollBack(_)),
        "{verdict:#?}"
    );
    assert!(
        reason(&verdict).contains("calls_lost is worse under the treatment at 10%"),
        "{verdict:#?}"
    );
    assert!(look(&verdict).decision.starts_with("roll back"));
    let effect = verdict.effect.expect("an effect");
    assert_eq!((effect.control_mean, effect.treatment_mean), (2.0, 3.0));
    assert_eq!(effect.n, [900, 100]);

    // A little worse, well within chance: the canary still advances.
    let noise = experiment(
        10,
        &GUARDRAILS,
        arm(
            900,
            &with(
                steady_guardrails(900),
                &[("calls_lost", mean_tally(900, 2.0, 1.5))],
            ),
        ),
        arm(
            100,
            &with(
                steady_guardrails(100),
                &[("calls_lost", mean_tally(100, 2.1, 1.5))],
            ),
        ),
        &[],
    );
    assert_eq!(evaluate(&noise, &settings, 10).decision, Decision::Advance);
}

#[test]
fn a_sample_ratio_mismatch_stops_the_experiment_with_the_reason() {
    let settings = KaizenSettings::default();
    let metrics = with(
        steady_guardrails(800),
        &[("calls_lost", mean_tally(800, 2.0, 2.0))],
    );
    let skewed = experiment(
        50,
        &GUARDRAILS,
        arm(1_000, &metrics),
        arm(800, &metrics),
        &[0.2, 0.4],
    );
    let verdict = evaluate(&skewed, &settings, 10);
    let why = reason(&verdict);
    assert!(
        matches!(verdict.decision, Decision::Stop(_)),
        "{verdict:#?}"
    );
    assert!(why.starts_with("sample ratio mismatch"), "{why}");
    assert!(why.contains("assignment or logging is broken"), "{why}");
    assert_eq!(look(&verdict).z, None);
    assert!(verdict.effect.is_none());
    assert!(
        verdict.evidence[0].starts_with("split 1000 control / 800 treatment for a planned 50/50"),
        "{:?}",
        verdict.evidence
    );

    // The same split planned: no stop.
    let even = experiment(
        50,
        &GUARDRAILS,
        arm(900, &metrics),
        arm(900, &metrics),
        &[0.2, 0.4],
    );
    assert_eq!(evaluate(&even, &settings, 10).decision, Decision::Continue);
}

#[test]
fn at_fifty_percent_looks_come_only_at_each_further_fifth_of_the_plan() {
    let settings = KaizenSettings::default();
    let at = |units: u64, looks: &[f64]| {
        let metrics = with(
            steady_guardrails(units),
            &[("calls_lost", mean_tally(units, 2.0, 2.0))],
        );
        evaluate(
            &experiment(
                50,
                &GUARDRAILS,
                arm(units, &metrics),
                arm(units, &metrics),
                looks,
            ),
            &settings,
            10,
        )
    };
    assert!(at(199, &[]).look.is_none(), "19.9% of the plan: no look");
    let first = at(200, &[]);
    assert_eq!(first.decision, Decision::Continue);
    assert_eq!(look(&first).fraction, 0.2);
    assert!(look(&first).z.is_some() && look(&first).boundary.is_some());
    assert!(look(&first).decision.starts_with("continue"), "{first:?}");

    assert!(at(399, &[0.2]).look.is_none(), "39.9% after a look at 20%");
    assert_eq!(look(&at(400, &[0.2])).fraction, 0.4);
    assert!(at(599, &[0.2, 0.4]).look.is_none());
    // A look can come later than planned; the next one is a fifth after it.
    assert_eq!(look(&at(650, &[0.2])).fraction, 0.65);
    assert!(at(849, &[0.2, 0.65]).look.is_none());
    assert_eq!(look(&at(850, &[0.2, 0.65])).fraction, 0.85);
    // Past the plan, one last look at 100%, then none.
    assert_eq!(look(&at(1_300, &[0.2, 0.4, 0.6, 0.8, 0.9])).fraction, 1.0);
    assert!(at(1_500, &[0.2, 0.4, 0.6, 0.8, 1.0]).look.is_none());
    // Too few chats to compare: no look at all.
    let tiny = at(29, &[]);
    assert!(tiny.look.is_none(), "{tiny:?}");
}

#[test]
fn a_large_true_improvement_ships() {
    let settings = KaizenSettings::default();
    let control = with(
        steady_guardrails(600),
        &[("calls_lost", mean_tally(600, 2.0, 2.0))],
    );
    let treatment = with(
        steady_guardrails(600),
        &[("calls_lost", mean_tally(600, 1.4, 2.0))],
    );
    let better = experiment(
        50,
        &GUARDRAILS,
        arm(600, &control),
        arm(600, &treatment),
        &[0.2, 0.4],
    );
    let verdict = evaluate(&better, &settings, 10);
    assert_eq!(verdict.decision, Decision::Ship, "{verdict:#?}");
    let taken = look(&verdict);
    assert_eq!(taken.fraction, 0.6);
    let (z, boundary) = (taken.z.expect("z"), taken.boundary.expect("boundary"));
    assert!(
        z > boundary && boundary > 1.96,
        "z {z}, boundary {boundary}"
    );
    assert!(
        taken.decision.starts_with("ship: calls_lost better"),
        "{taken:?}"
    );
    let effect = verdict.effect.expect("an effect");
    let lift = effect.relative_lift.expect("a lift");
    assert!((lift + 0.3).abs() < 1e-9, "{lift}");
    assert!(effect.p_value < 1e-6, "{effect:?}");

    // The same data seen the other way round is a regression: it rolls back.
    let worse = experiment(
        50,
        &GUARDRAILS,
        arm(600, &treatment),
        arm(600, &control),
        &[0.2, 0.4],
    );
    let verdict = evaluate(&worse, &settings, 10);
    assert!(
        reason(&verdict).starts_with("calls_lost is worse under the treatment"),
        "{verdict:#?}"
    );
    assert!(matches!(verdict.decision, Decision::RollBack(_)));
}

#[test]
fn a_guardrail_worse_by_more_than_its_margin_rolls_back() {
    let settings = KaizenSettings::default();
    let control = with(
        steady_guardrails(500),
        &[("calls_lost", mean_tally(500, 2.0, 2.0))],
    );
    // Latency 30% worse, against an allowed 10%; the primary is better.
    let treatment = with(
        steady_guardrails(500),
        &[
            ("calls_lost", mean_tally(500, 1.4, 2.0)),
            ("latency_ms", mean_tally(500, 1_300.0, 200.0)),
        ],
    );
    let slower = experiment(
        50,
        &GUARDRAILS,
        arm(500, &control),
        arm(500, &treatment),
        &[0.2],
    );
    let verdict = evaluate(&slower, &settings, 10);
    assert!(
        matches!(verdict.decision, Decision::RollBack(_)),
        "{verdict:#?}"
    );
    let why = reason(&verdict);
    assert!(
        why.starts_with("guardrail regression: guardrail latency_ms"),
        "{why}"
    );
    assert!(why.contains("allowed 10% worse"), "{why}");
    assert_eq!(look(&verdict).z, None, "the primary is not looked at");

    // Latency 5% worse is within the margin: the primary decides, and it ships.
    let within = with(
        treatment.clone(),
        &[("latency_ms", mean_tally(500, 1_050.0, 200.0))],
    );
    let fine = experiment(
        50,
        &GUARDRAILS,
        arm(500, &control),
        arm(500, &within),
        &[0.2],
    );
    assert_eq!(evaluate(&fine, &settings, 10).decision, Decision::Ship);
}

#[test]
fn no_difference_at_the_whole_plan_stops_with_no_difference() {
    let settings = KaizenSettings::default();
    let metrics = with(
        steady_guardrails(1_000),
        &[("calls_lost", mean_tally(1_000, 2.0, 2.0))],
    );
    let flat = experiment(
        50,
        &GUARDRAILS,
        arm(1_000, &metrics),
        arm(1_000, &metrics),
        &[0.2, 0.4, 0.6, 0.8],
    );
    let verdict = evaluate(&flat, &settings, 10);
    assert!(
        matches!(verdict.decision, Decision::Stop(_)),
        "{verdict:#?}"
    );
    let why = reason(&verdict);
    assert!(
        why.starts_with("no difference in calls_lost at the planned 1000 chats per variant"),
        "{why}"
    );
    assert_eq!(look(&verdict).fraction, 1.0);
    assert_eq!(look(&verdict).z, Some(0.0));

    // Short of the plan, the same data only continues.
    let early = experiment(
        50,
        &GUARDRAILS,
        arm(1_000, &metrics),
        arm(1_000, &metrics),
        &[0.2, 0.4, 0.6],
    );
    let mut early = early;
    early.plan.units_per_arm = 1_250;
    assert_eq!(evaluate(&early, &settings, 10).decision, Decision::Continue);
}

#[test]
fn better_on_the_primary_with_a_guardrail_estimate_over_its_margin_rolls_back_rather_than_ships() {
    let settings = KaizenSettings::default();
    let control = with(
        steady_guardrails(1_000),
        &[
            ("calls_lost", mean_tally(1_000, 2.0, 2.0)),
            ("latency_ms", mean_tally(1_000, 1_000.0, 2_000.0)),
        ],
    );
    // Latency 15% worse, over the 10% margin, but too noisy to be shown worse than it.
    let treatment = with(
        steady_guardrails(1_000),
        &[
            ("calls_lost", mean_tally(1_000, 1.4, 2.0)),
            ("latency_ms", mean_tally(1_000, 1_150.0, 2_000.0)),
        ],
    );
    let mixed = experiment(
        50,
        &GUARDRAILS,
        arm(1_000, &control),
        arm(1_000, &treatment),
        &[0.2, 0.4, 0.6, 0.8],
    );
    let verdict = evaluate(&mixed, &settings, 10);
    assert!(
        matches!(verdict.decision, Decision::RollBack(_)),
        "{verdict:#?}"
    );
    let why = reason(&verdict);
    assert!(
        why.starts_with("calls_lost is better, but a guardrail is worse than its margin"),
        "{why}"
    );
    assert!(why.contains("guardrail latency_ms"), "{why}");
    let taken = look(&verdict);
    assert!(taken.z.expect("z") > taken.boundary.expect("boundary"));
}
