//! Every function against the values scipy and statsmodels give for the same data
//! (tests/data/stats/reference.json, written by make_fixtures.py beside it), and the edge cases.
//!
//! Tolerances: 1e-9 relative where the formula is the same as the reference's (all tests, intervals, lifts,
//! SRM, adjustments, power). The exact sample size is 1e-6 relative: statsmodels solves it with brentq to
//! its own tolerance. Sequential boundaries are 5e-5 absolute (they agree to about 4e-6): the reference
//! integrates the multivariate normal by Genz's quasi-Monte Carlo, to about 1e-7 in probability, and this
//! module by Simpson's rule.

use serde_json::Value;

use super::power::{
    DEFAULT_ALPHA, DEFAULT_POWER, effect_size_means, effect_size_proportions, power, sample_size,
};
use super::sequential::{self, alpha_spent, boundaries, look};
use super::*;

const RELATIVE: f64 = 1e-9;

fn reference() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/data/stats/reference.json"
    );
    let text = std::fs::read_to_string(path).expect("the reference fixture is readable");
    serde_json::from_str(&text).expect("the reference fixture is JSON")
}

fn number(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is a number"))
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("{value} is an array"))
        .iter()
        .map(number)
        .collect()
}

fn close(what: &str, actual: f64, expected: f64, relative: f64) {
    let scale = expected.abs().max(1e-300);
    assert!(
        (actual - expected).abs() <= relative * scale,
        "{what}: {actual} against the reference {expected} (relative error {:e})",
        (actual - expected).abs() / scale
    );
}

fn proportion(value: &Value) -> Proportion {
    let count = |key: &str| {
        value[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key} is a count"))
    };
    Proportion::new(count("successes"), count("n")).expect("a valid proportion")
}

fn check_comparison(name: &str, comparison: &Comparison, case: &Value) {
    close(
        &format!("{name} difference"),
        comparison.difference,
        number(&case["difference"]),
        RELATIVE,
    );
    close(
        &format!("{name} statistic"),
        comparison.statistic,
        number(&case["statistic"]),
        RELATIVE,
    );
    close(
        &format!("{name} p"),
        comparison.p_value,
        number(&case["p_value"]),
        RELATIVE,
    );
    let ci = numbers(&case["ci95"]);
    close(
        &format!("{name} ci low"),
        comparison.ci95.low,
        ci[0],
        RELATIVE,
    );
    close(
        &format!("{name} ci high"),
        comparison.ci95.high,
        ci[1],
        RELATIVE,
    );
    match (&comparison.lift_opt, case.get("relative_lift")) {
        (Some(lift), Some(expected)) => {
            close(
                &format!("{name} lift"),
                lift.estimate,
                number(expected),
                RELATIVE,
            );
            let ci = numbers(&case["relative_lift_ci95"]);
            close(&format!("{name} lift low"), lift.ci95.low, ci[0], RELATIVE);
            close(
                &format!("{name} lift high"),
                lift.ci95.high,
                ci[1],
                RELATIVE,
            );
        }
        (None, None) => {}
        (lift_opt, expected_opt) => {
            panic!("{name}: lift {lift_opt:?} against the reference {expected_opt:?}")
        }
    }
}

#[test]
fn welch_matches_scipy() {
    let fixture = reference();
    for case in fixture["means"].as_array().expect("means") {
        let name = case["name"].as_str().expect("a name");
        let control = Summary::from_values(&numbers(&case["control"])).expect("finite values");
        let treatment = Summary::from_values(&numbers(&case["treatment"])).expect("finite values");
        let comparison = welch_t_test(&control, &treatment).expect("a valid test");
        assert_eq!(comparison.test, TestKind::WelchT);
        close(
            &format!("{name} df"),
            comparison.df_opt.expect("df"),
            number(&case["df"]),
            RELATIVE,
        );
        check_comparison(name, &comparison, case);
    }
}

#[test]
fn proportions_match_statsmodels() {
    let fixture = reference();
    for case in fixture["proportions"].as_array().expect("proportions") {
        let name = case["name"].as_str().expect("a name");
        let comparison = two_proportion_z_test(
            &proportion(&case["control"]),
            &proportion(&case["treatment"]),
        )
        .expect("a valid test");
        assert_eq!(comparison.test, TestKind::TwoProportionZ);
        check_comparison(name, &comparison, case);
    }
}

#[test]
fn sample_ratio_mismatch_matches_scipy() {
    let fixture = reference();
    for case in fixture["srm"].as_array().expect("srm") {
        let observed: Vec<u64> = case["observed"]
            .as_array()
            .expect("counts")
            .iter()
            .map(|count| count.as_u64().expect("a count"))
            .collect();
        let result = sample_ratio_mismatch(&observed, &numbers(&case["split"])).expect("valid");
        let expected_p = number(&case["p_value"]);
        close(
            "srm statistic",
            result.statistic,
            number(&case["statistic"]),
            RELATIVE,
        );
        close(
            &format!("srm p {observed:?}"),
            result.p_value,
            expected_p,
            RELATIVE,
        );
        assert_eq!(result.flagged, expected_p < SRM_THRESHOLD, "{observed:?}");
    }
}

#[test]
fn power_and_sample_size_match_statsmodels() {
    let fixture = reference();
    for case in fixture["power_means"].as_array().expect("power_means") {
        let effect = effect_size_means(number(&case["sd"]), number(&case["mde"])).expect("valid");
        let (alpha, target) = (number(&case["alpha"]), number(&case["power"]));
        let size = sample_size(effect, alpha, target).expect("valid");
        close(
            "n means",
            size.per_variant_exact,
            number(&case["n_per_variant"]),
            1e-6,
        );
        assert_eq!(Some(size.per_variant), case["n_ceil"].as_u64());
        let at_100 = power(effect, 100.0, alpha).expect("valid");
        close(
            "power at 100",
            at_100,
            number(&case["power_at_100"]),
            RELATIVE,
        );
        let at_n = power(effect, size.per_variant as f64, alpha).expect("valid");
        close("power at n", at_n, number(&case["power_at_n"]), RELATIVE);
        assert!(at_n >= target);
    }
    for case in fixture["power_proportions"]
        .as_array()
        .expect("power_proportions")
    {
        let effect =
            effect_size_proportions(number(&case["baseline"]), number(&case["relative_mde"]))
                .expect("valid");
        close("cohen's h", effect, number(&case["effect_size"]), RELATIVE);
        let (alpha, target) = (number(&case["alpha"]), number(&case["power"]));
        let size = sample_size(effect, alpha, target).expect("valid");
        close(
            "n proportions",
            size.per_variant_exact,
            number(&case["n_per_variant"]),
            1e-6,
        );
        assert_eq!(Some(size.per_variant), case["n_ceil"].as_u64());
        let at_1000 = power(effect, 1000.0, alpha).expect("valid");
        close(
            "power at 1000",
            at_1000,
            number(&case["power_at_1000"]),
            RELATIVE,
        );
    }
}

#[test]
fn adjustments_match_statsmodels_with_ties() {
    let fixture = reference();
    for case in fixture["multiple_testing"]
        .as_array()
        .expect("multiple_testing")
    {
        let p_values = numbers(&case["p_values"]);
        for (method, adjusted) in [
            ("holm", holm(&p_values).expect("valid")),
            ("bh", benjamini_hochberg(&p_values).expect("valid")),
        ] {
            let expected = numbers(&case[method]);
            let rejected: Vec<bool> = case[format!("{method}_reject")]
                .as_array()
                .expect("rejections")
                .iter()
                .map(|reject| reject.as_bool().expect("a bool"))
                .collect();
            for (index, (&actual, &wanted)) in adjusted.iter().zip(&expected).enumerate() {
                close(
                    &format!("{method} {p_values:?}[{index}]"),
                    actual,
                    wanted,
                    RELATIVE,
                );
                assert_eq!(
                    actual <= 0.05,
                    rejected[index],
                    "{method} {p_values:?}[{index}]"
                );
            }
        }
    }
}

#[test]
fn guardrails_match_one_sided_references() {
    let fixture = reference();
    for case in fixture["guardrails"].as_array().expect("guardrails") {
        let name = case["name"].as_str().expect("a name");
        let guardrail = Guardrail {
            direction: if case["higher_is_better"].as_bool().expect("a bool") {
                Direction::HigherIsBetter
            } else {
                Direction::LowerIsBetter
            },
            margin: number(&case["margin"]),
            alpha: 0.05,
        };
        let result = if case["kind"] == "mean" {
            guardrail_means(
                &Summary::from_values(&numbers(&case["control"])).expect("finite"),
                &Summary::from_values(&numbers(&case["treatment"])).expect("finite"),
                &guardrail,
            )
        } else {
            guardrail_proportions(
                &proportion(&case["control"]),
                &proportion(&case["treatment"]),
                &guardrail,
            )
        }
        .expect("valid");
        let (p_non_inferior, p_worse) = (number(&case["p_non_inferior"]), number(&case["p_worse"]));
        close(
            &format!("{name} non-inferior"),
            result.p_non_inferior,
            p_non_inferior,
            RELATIVE,
        );
        close(&format!("{name} worse"), result.p_worse, p_worse, RELATIVE);
        assert_eq!(result.non_inferior, p_non_inferior < 0.05, "{name}");
        assert_eq!(result.worse, p_worse < 0.05, "{name}");
    }
}

#[test]
fn sequential_boundaries_match_the_multivariate_normal() {
    let fixture = reference();
    for case in fixture["sequential"].as_array().expect("sequential") {
        let fractions = numbers(&case["fractions"]);
        let alpha = number(&case["alpha"]);
        let bounds = boundaries(&fractions, alpha).expect("valid");
        for ((&bound, &expected), (&fraction, &spent)) in bounds
            .iter()
            .zip(&numbers(&case["boundaries"]))
            .zip(fractions.iter().zip(&numbers(&case["alpha_spent"])))
        {
            assert!(
                (bound - expected).abs() < 5e-5,
                "{fractions:?}: {bound} against {expected}"
            );
            close(
                "alpha spent",
                alpha_spent(fraction, alpha).expect("valid"),
                spent,
                RELATIVE,
            );
        }
    }
}

#[test]
fn a_look_crosses_only_beyond_its_boundary() {
    let early = look(&[], 0.2, 4.0, 0.05).expect("valid");
    assert!(
        !early.crossed,
        "z = 4 is not enough at 20% of the data: {early:?}"
    );
    let late = look(&[0.2, 0.4, 0.6, 0.8], 1.0, 2.1, 0.05).expect("valid");
    assert!(late.crossed, "{late:?}");
    assert!(late.boundary > 1.96 && late.boundary < 2.1, "{late:?}");
    assert_eq!(late.alpha_spent, 0.05);
    // With one look at the end it is the fixed-horizon test.
    let single = look(&[], 1.0, 1.95, 0.05).expect("valid");
    close("fixed horizon", single.boundary, 1.959963984540054, 1e-12);
    assert!(!single.crossed);
}

#[test]
fn a_look_after_known_boundaries_gives_what_a_look_from_scratch_gives() {
    let fractions = [0.21, 0.43, 0.62, 0.85, 1.0];
    let all = sequential::boundaries(&fractions, 0.05).expect("valid");
    let mut previous = Vec::new();
    for (index, &fraction) in fractions.iter().enumerate() {
        let after = sequential::look_after(&previous, fraction, 2.0, 0.05).expect("valid");
        close("boundary", after.boundary, all[index], 1e-10);
        let from_scratch = look(&fractions[..index], fraction, 2.0, 0.05).expect("valid");
        assert_eq!(after.crossed, from_scratch.crossed);
        previous.push((fraction, after.boundary));
    }
}

#[test]
fn bad_input_is_an_error_never_nan() {
    let one = Summary::from_values(&[1.0]).expect("finite");
    let two = Summary::from_values(&[1.0, 2.0]).expect("finite");
    let flat = Summary::from_values(&[3.0, 3.0, 3.0]).expect("finite");
    assert!(matches!(
        welch_t_test(&one, &two),
        Err(StatsError::TooFewObservations {
            arm: Arm::Control,
            n: 1,
            min: 2
        })
    ));
    assert!(matches!(
        welch_t_test(&two, &Summary::new()),
        Err(StatsError::TooFewObservations {
            arm: Arm::Treatment,
            n: 0,
            ..
        })
    ));
    assert_eq!(welch_t_test(&flat, &flat), Err(StatsError::ZeroVariance));
    assert!(matches!(
        Summary::new().push(f64::NAN),
        Err(StatsError::NonFinite { .. })
    ));
    assert!(matches!(
        Summary::from_values(&[1.0, f64::INFINITY]),
        Err(StatsError::NonFinite { .. })
    ));

    let none = Proportion::new(0, 100).expect("valid");
    let all = Proportion::new(100, 100).expect("valid");
    assert!(matches!(
        two_proportion_z_test(&none, &none),
        Err(StatsError::DegenerateRate { .. })
    ));
    assert!(matches!(
        two_proportion_z_test(&all, &all),
        Err(StatsError::DegenerateRate { .. })
    ));
    // 0 against 1 is a real difference (pooled rate 0.5), but its unpooled interval has zero width, and the
    // lift from a control of 0 is undefined.
    let extreme = two_proportion_z_test(&none, &all).expect("valid");
    assert!(extreme.p_value.is_finite() && extreme.p_value < 1e-10);
    assert_eq!(extreme.lift_opt, None);
    assert!(matches!(
        two_proportion_z_test(&Proportion::new(0, 0).expect("valid"), &all),
        Err(StatsError::TooFewObservations {
            arm: Arm::Control,
            n: 0,
            min: 1
        })
    ));
    assert!(matches!(Proportion::new(3, 2), Err(StatsError::Invalid(_))));
    assert_eq!(
        relative_lift(0.0, 0.1, 1.0, 0.1),
        Err(StatsError::ZeroControlMean)
    );

    assert_eq!(
        sample_ratio_mismatch(&[0, 0], &[50.0, 50.0]),
        Err(StatsError::Empty)
    );
    assert!(matches!(
        sample_ratio_mismatch(&[5, 5], &[50.0, 0.0]),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        sample_ratio_mismatch(&[5, 5, 5], &[50.0, 50.0]),
        Err(StatsError::Invalid(_))
    ));
    assert!(matches!(
        sample_ratio_mismatch(&[5], &[1.0]),
        Err(StatsError::Invalid(_))
    ));

    assert_eq!(holm(&[]), Err(StatsError::Empty));
    assert_eq!(benjamini_hochberg(&[]), Err(StatsError::Empty));
    assert!(matches!(
        holm(&[0.2, 1.5]),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        benjamini_hochberg(&[f64::NAN]),
        Err(StatsError::OutOfRange { .. })
    ));

    assert!(matches!(
        effect_size_means(0.0, 1.0),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        effect_size_means(1.0, 0.0),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        effect_size_proportions(0.0, 0.1),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        effect_size_proportions(0.9, 0.5),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        sample_size(0.5, DEFAULT_ALPHA, 1.0),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        sample_size(0.5, 0.5, 0.4),
        Err(StatsError::Invalid(_))
    ));
    assert!(matches!(
        sample_size(1e-9, DEFAULT_ALPHA, DEFAULT_POWER),
        Err(StatsError::Invalid(_))
    ));
    assert!(matches!(
        power(0.5, 0.0, DEFAULT_ALPHA),
        Err(StatsError::OutOfRange { .. })
    ));

    assert_eq!(boundaries(&[], 0.05), Err(StatsError::Empty));
    assert!(matches!(
        boundaries(&[0.5, 0.5], 0.05),
        Err(StatsError::Invalid(_))
    ));
    assert!(matches!(
        boundaries(&[0.5, 1.2], 0.05),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        boundaries(&[0.5], 0.0),
        Err(StatsError::OutOfRange { .. })
    ));
    assert!(matches!(
        look(&[], 0.5, f64::NAN, 0.05),
        Err(StatsError::NonFinite { .. })
    ));

    let guardrail = Guardrail {
        direction: Direction::HigherIsBetter,
        margin: -0.1,
        alpha: 0.05,
    };
    assert!(matches!(
        guardrail_means(&two, &two, &guardrail),
        Err(StatsError::OutOfRange { .. })
    ));
    let guardrail = Guardrail {
        margin: 0.1,
        ..guardrail
    };
    assert!(matches!(
        guardrail_proportions(&none, &all, &guardrail),
        Err(StatsError::DegenerateRate { .. })
    ));
}

#[test]
fn welford_stays_accurate_where_sums_of_squares_cancel() {
    // Values around 1e9 with a spread of 1: the naive sum-of-squares formula loses every digit here.
    let values: Vec<f64> = (0..1000).map(|index| 1e9 + f64::from(index % 7)).collect();
    let summary = Summary::from_values(&values).expect("finite");
    let mean = values.iter().sum::<f64>() / values.len() as f64;
    let variance = values
        .iter()
        .map(|value| (value - mean).powi(2))
        .sum::<f64>()
        / (values.len() - 1) as f64;
    close("mean", summary.mean(), mean, 1e-15);
    close(
        "variance",
        summary.variance_opt().expect("n >= 2"),
        variance,
        1e-8,
    );
    let naive = (values.iter().map(|value| value * value).sum::<f64>()
        - values.len() as f64 * mean * mean)
        / (values.len() - 1) as f64;
    assert!(
        (naive - variance).abs() > 1.0,
        "the naive formula would have done: {naive}"
    );
}
