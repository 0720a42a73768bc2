//! The statistics of the Kaizen loop: pure functions over plain structs, no I/O. Each choice and why is in
//! docs/kaizen.md; every function is checked against scipy and statsmodels (tests/data/stats/reference.json).
//!
//! - Means: [`welch_t_test`] over two [`Summary`]s (count, mean and sum of squared deviations, updated with
//!   Welford's method, so a caller keeps three numbers per variant, not the values).
//! - Rates: [`two_proportion_z_test`] over two [`Proportion`]s.
//! - Both give a [`Comparison`]: the difference treatment − control with its 95% interval, the p-value, and
//!   the relative lift treatment / control − 1 with a delta-method interval ([`relative_lift`]).
//! - [`sample_ratio_mismatch`]: whether the units split as planned (chi-square goodness of fit).
//! - [`power`]: the power of a planned experiment and the sample size it needs per variant.
//! - [`sequential`]: looking before the planned end without inflating false positives (Lan–DeMets alpha
//!   spending with an O'Brien–Fleming-type function).
//! - [`holm`] and [`benjamini_hochberg`]: adjusted p-values over several metrics.
//! - [`guardrail_means`] and [`guardrail_proportions`]: one-sided tests against a margin (is the treatment
//!   worse by more than the margin, or non-inferior).
//!
//! Bad input never gives NaN or a panic: every function returns a [`StatsError`] naming what is wrong.

pub mod power;
pub mod sequential;

use statrs::distribution::{ContinuousCDF, Normal, StudentsT};

/// A p-value below this flags a sample ratio mismatch; a flagged experiment is never shipped.
pub const SRM_THRESHOLD: f64 = 0.001;

/// An error from the statistics: the input cannot give a meaningful answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum StatsError {
    /// No observations at all (an empty list, no units).
    #[error("no observations")]
    Empty,
    /// A variant has fewer observations than the test needs.
    #[error("the {arm} variant has {n} observations; the test needs at least {min}")]
    TooFewObservations {
        /// The variant.
        arm: Arm,
        /// Its observations.
        n: u64,
        /// The least the test needs.
        min: u64,
    },
    /// Every value in both variants is the same within its variant: the standard error is zero.
    #[error(
        "both variants have zero variance (every value within each is the same), so there is nothing to test"
    )]
    ZeroVariance,
    /// The rates leave no variance: both 0 or both 1 (for the test), or each 0 or 1 (for a guardrail).
    #[error(
        "the rates are {control} (control) and {treatment} (treatment): with rates of only 0 or 1 there is no variance to test"
    )]
    DegenerateRate {
        /// The control's rate.
        control: f64,
        /// The treatment's rate.
        treatment: f64,
    },
    /// The control's mean is zero, so treatment / control − 1 is undefined.
    #[error("the control mean is 0, so the relative lift is undefined")]
    ZeroControlMean,
    /// A value is not a finite number.
    #[error("{what} is {value}, not a finite number")]
    NonFinite {
        /// What the value is.
        what: &'static str,
        /// The value.
        value: f64,
    },
    /// An argument is outside its range.
    #[error("{what} is {value}; it must be {expected}")]
    OutOfRange {
        /// What the argument is.
        what: &'static str,
        /// The value given.
        value: f64,
        /// The range, in words.
        expected: &'static str,
    },
    /// The arguments do not fit together.
    #[error("{0}")]
    Invalid(String),
}

/// The result type of the statistics.
pub type StatsResult<T> = Result<T, StatsError>;

/// A variant of a two-variant experiment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arm {
    /// The current setting.
    Control,
    /// The setting under test.
    Treatment,
}

impl std::fmt::Display for Arm {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(match self {
            Arm::Control => "control",
            Arm::Treatment => "treatment",
        })
    }
}

/// Count, mean and sum of squared deviations of a metric's values in one variant, updated one value at a
/// time with Welford's method (stable where sums of squares cancel).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Summary {
    n: u64,
    mean: f64,
    m2: f64,
}

impl Summary {
    /// Returns the summary of no values.
    pub fn new() -> Self {
        Self::default()
    }

    /// Returns the summary of `values`; an error if one is not finite.
    pub fn from_values(values: &[f64]) -> StatsResult<Self> {
        let mut summary = Self::new();
        for &value in values {
            summary.push(value)?;
        }
        Ok(summary)
    }

    /// Returns the summary of `n` values from their sum and sum of squares (what an experiment's tally
    /// keeps, since a unit observed again must be taken out). Errors: a sum that is not finite.
    pub fn from_sums(n: u64, sum: f64, sum_sq: f64) -> StatsResult<Self> {
        finite("a sum", sum)?;
        finite("a sum of squares", sum_sq)?;
        if n == 0 {
            return Ok(Self::new());
        }
        let mean = sum / n as f64;
        Ok(Summary {
            n,
            mean,
            m2: (sum_sq - sum * mean).max(0.0),
        })
    }

    /// Adds a value; an error (and no change) if it is not finite or larger in magnitude than
    /// [`MAX_VALUE`].
    pub fn push(&mut self, value: f64) -> StatsResult<()> {
        finite("a value", value)?;
        if value.abs() > MAX_VALUE {
            return Err(StatsError::Invalid(format!(
                "a value is {value:e}; it must be at most 1e150 in magnitude (larger ones overflow the sums)"
            )));
        }
        self.n += 1;
        let delta = value - self.mean;
        // n fits an f64 exactly up to 2^53 values.
        self.mean += delta / self.n as f64;
        self.m2 += delta * (value - self.mean);
        Ok(())
    }

    /// The number of values.
    pub fn n(&self) -> u64 {
        self.n
    }

    /// The mean (0 with no values).
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// The sample variance (divisor n − 1), or `None` with fewer than two values.
    pub fn variance_opt(&self) -> Option<f64> {
        (self.n >= 2).then(|| self.m2 / (self.n - 1) as f64)
    }
}

/// Successes out of trials in one variant (sessions resumed out of sessions interrupted, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proportion {
    successes: u64,
    trials: u64,
}

impl Proportion {
    /// Returns `successes` out of `trials`; an error if there are more successes than trials.
    pub fn new(successes: u64, trials: u64) -> StatsResult<Self> {
        if successes > trials {
            return Err(StatsError::Invalid(format!(
                "{successes} successes out of {trials} trials"
            )));
        }
        Ok(Self { successes, trials })
    }

    /// The successes.
    pub fn successes(&self) -> u64 {
        self.successes
    }

    /// The trials.
    pub fn trials(&self) -> u64 {
        self.trials
    }

    /// The rate successes / trials (0 with no trials).
    pub fn rate(&self) -> f64 {
        if self.trials == 0 {
            0.0
        } else {
            self.successes as f64 / self.trials as f64
        }
    }

    /// The variance of the rate's estimate, rate × (1 − rate) / trials.
    fn variance_of_rate(&self) -> f64 {
        let rate = self.rate();
        rate * (1.0 - rate) / self.trials as f64
    }
}

/// Which test a [`Comparison`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestKind {
    /// Welch's t-test for a difference of means.
    WelchT,
    /// The two-proportion z-test for a difference of rates.
    TwoProportionZ,
}

impl TestKind {
    /// The name used in output: `welch_t` or `two_proportion_z`.
    pub fn name(&self) -> &'static str {
        match self {
            TestKind::WelchT => "welch_t",
            TestKind::TwoProportionZ => "two_proportion_z",
        }
    }
}

/// A closed interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// The lower end.
    pub low: f64,
    /// The upper end.
    pub high: f64,
}

/// The relative lift treatment / control − 1 and its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lift {
    /// The estimate.
    pub estimate: f64,
    /// The 95% delta-method interval.
    pub ci95: Interval,
}

/// A two-sided comparison of a treatment with its control.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// The test.
    pub test: TestKind,
    /// The control's mean (its rate for proportions).
    pub control_mean: f64,
    /// The treatment's mean (its rate for proportions).
    pub treatment_mean: f64,
    /// Treatment minus control.
    pub difference: f64,
    /// The 95% interval of the difference: Welch–Satterthwaite t for means, unpooled Wald for rates.
    pub ci95: Interval,
    /// The test statistic (t or z).
    pub statistic: f64,
    /// The Welch–Satterthwaite degrees of freedom (means only).
    pub df_opt: Option<f64>,
    /// The two-sided p-value.
    pub p_value: f64,
    /// The relative lift; `None` when the control's mean is 0, where it is undefined.
    pub lift_opt: Option<Lift>,
}

/// Welch's t-test of treatment against control (no equal-variance assumption): the statistic, the
/// Welch–Satterthwaite degrees of freedom, the two-sided p-value and the 95% t interval of the difference.
///
/// Errors: fewer than two values in a variant, or zero variance in both.
pub fn welch_t_test(control: &Summary, treatment: &Summary) -> StatsResult<Comparison> {
    let (var_control, var_treatment) = mean_variances(control, treatment)?;
    let se = (var_control + var_treatment).sqrt();
    if se <= 0.0 {
        return Err(StatsError::ZeroVariance);
    }
    let difference = treatment.mean() - control.mean();
    let statistic = difference / se;
    let df = welch_df(var_control, control.n(), var_treatment, treatment.n());
    let t_dist = students_t(df)?;
    let p_value = (2.0 * t_dist.sf(statistic.abs())).min(1.0);
    let quantile = t_dist.inverse_cdf(0.975);
    Ok(Comparison {
        test: TestKind::WelchT,
        control_mean: control.mean(),
        treatment_mean: treatment.mean(),
        difference,
        ci95: Interval {
            low: difference - quantile * se,
            high: difference + quantile * se,
        },
        statistic,
        df_opt: Some(df),
        p_value,
        lift_opt: relative_lift(control.mean(), var_control, treatment.mean(), var_treatment).ok(),
    })
}

/// The two-proportion z-test of treatment against control: the statistic uses the pooled rate (the
/// standard error under "no difference"), the 95% interval of the difference the unpooled Wald standard error.
///
/// Errors: a variant with no trials, or rates that are both 0 or both 1.
pub fn two_proportion_z_test(
    control: &Proportion,
    treatment: &Proportion,
) -> StatsResult<Comparison> {
    at_least_one_trial(control, treatment)?;
    let (rate_control, rate_treatment) = (control.rate(), treatment.rate());
    let trials_control = control.trials() as f64;
    let trials_treatment = treatment.trials() as f64;
    let pooled =
        (control.successes() + treatment.successes()) as f64 / (trials_control + trials_treatment);
    let se_pooled =
        (pooled * (1.0 - pooled) * (1.0 / trials_control + 1.0 / trials_treatment)).sqrt();
    if se_pooled <= 0.0 {
        return Err(StatsError::DegenerateRate {
            control: rate_control,
            treatment: rate_treatment,
        });
    }
    let difference = rate_treatment - rate_control;
    let statistic = difference / se_pooled;
    let p_value = (2.0 * standard_normal().sf(statistic.abs())).min(1.0);
    let (var_control, var_treatment) = (control.variance_of_rate(), treatment.variance_of_rate());
    let half_width = z_975() * (var_control + var_treatment).sqrt();
    Ok(Comparison {
        test: TestKind::TwoProportionZ,
        control_mean: rate_control,
        treatment_mean: rate_treatment,
        difference,
        ci95: Interval {
            low: difference - half_width,
            high: difference + half_width,
        },
        statistic,
        df_opt: None,
        p_value,
        lift_opt: relative_lift(rate_control, var_control, rate_treatment, var_treatment).ok(),
    })
}

/// The relative lift treatment / control − 1 with a 95% delta-method interval (normal quantile), from each
/// variant's mean and the variance of that mean (s² / n, or p(1 − p) / n for a rate).
///
/// Errors: a control mean of 0, or a value that is not finite or a negative variance.
pub fn relative_lift(
    control_mean: f64,
    control_mean_variance: f64,
    treatment_mean: f64,
    treatment_mean_variance: f64,
) -> StatsResult<Lift> {
    finite("the control mean", control_mean)?;
    finite("the treatment mean", treatment_mean)?;
    non_negative("the variance of the control mean", control_mean_variance)?;
    non_negative(
        "the variance of the treatment mean",
        treatment_mean_variance,
    )?;
    if control_mean == 0.0 {
        return Err(StatsError::ZeroControlMean);
    }
    let estimate = treatment_mean / control_mean - 1.0;
    // Gradient of t / c − 1: (−t / c², 1 / c).
    let variance = treatment_mean * treatment_mean / control_mean.powi(4) * control_mean_variance
        + treatment_mean_variance / (control_mean * control_mean);
    let half_width = z_975() * variance.sqrt();
    Ok(Lift {
        estimate,
        ci95: Interval {
            low: estimate - half_width,
            high: estimate + half_width,
        },
    })
}

/// The result of a sample-ratio-mismatch check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleRatio {
    /// The chi-square statistic.
    pub statistic: f64,
    /// Its p-value (degrees of freedom: variants − 1).
    pub p_value: f64,
    /// Whether the p-value is below [`SRM_THRESHOLD`]: the assignment is broken, do not trust the results.
    pub flagged: bool,
}

/// Chi-square goodness of fit of the units observed per variant against the planned split (weights in any
/// scale: `[50.0, 50.0]`, `[10.0, 90.0]`, `[0.1, 0.9]`).
///
/// Errors: fewer than two variants, lengths that differ, a weight that is not positive, or no units.
pub fn sample_ratio_mismatch(observed: &[u64], planned: &[f64]) -> StatsResult<SampleRatio> {
    if observed.len() != planned.len() {
        return Err(StatsError::Invalid(format!(
            "{} observed counts for a split of {} variants",
            observed.len(),
            planned.len()
        )));
    }
    if observed.len() < 2 {
        return Err(StatsError::Invalid(
            "a split needs at least two variants".to_owned(),
        ));
    }
    for &weight in planned {
        positive("a planned weight", weight)?;
    }
    let total: u64 = observed.iter().sum();
    if total == 0 {
        return Err(StatsError::Empty);
    }
    let weights: f64 = planned.iter().sum();
    let statistic: f64 = observed
        .iter()
        .zip(planned)
        .map(|(&count, &weight)| {
            let expected = total as f64 * weight / weights;
            (count as f64 - expected).powi(2) / expected
        })
        .sum();
    let chi_square = statrs::distribution::ChiSquared::new((observed.len() - 1) as f64)
        .map_err(|error| StatsError::Invalid(format!("chi-square distribution: {error}")))?;
    let p_value = chi_square.sf(statistic);
    Ok(SampleRatio {
        statistic,
        p_value,
        flagged: p_value < SRM_THRESHOLD,
    })
}

/// Holm's step-down adjustment (family-wise error): adjusted p-values in the order given; reject where
/// adjusted ≤ alpha. Errors: an empty list or a p-value outside [0, 1].
pub fn holm(p_values: &[f64]) -> StatsResult<Vec<f64>> {
    let order = sorted_order(p_values)?;
    let count = p_values.len() as f64;
    let mut adjusted = vec![0.0; p_values.len()];
    let mut running_max: f64 = 0.0;
    for (rank, &index) in order.iter().enumerate() {
        running_max = running_max.max(((count - rank as f64) * p_values[index]).min(1.0));
        adjusted[index] = running_max;
    }
    Ok(adjusted)
}

/// Benjamini–Hochberg step-up adjustment (false discovery rate): adjusted p-values in the order given;
/// reject where adjusted ≤ alpha. Errors: an empty list or a p-value outside [0, 1].
pub fn benjamini_hochberg(p_values: &[f64]) -> StatsResult<Vec<f64>> {
    let order = sorted_order(p_values)?;
    let count = p_values.len() as f64;
    let mut adjusted = vec![0.0; p_values.len()];
    let mut running_min: f64 = 1.0;
    for (rank, &index) in order.iter().enumerate().rev() {
        running_min = running_min.min(p_values[index] * count / (rank + 1) as f64);
        adjusted[index] = running_min;
    }
    Ok(adjusted)
}

/// Which way a guardrail metric is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More is better (resume success, quality).
    HigherIsBetter,
    /// Less is better (latency, cost, interruptions).
    LowerIsBetter,
}

/// A guardrail: the treatment may be worse than control by at most `margin` (in the metric's units; 0 for
/// "not worse at all").
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Guardrail {
    /// Which way the metric is good.
    pub direction: Direction,
    /// How much worse is tolerated, ≥ 0.
    pub margin: f64,
    /// The one-sided significance level, in (0, 1); 0.05 is usual.
    pub alpha: f64,
}

/// The two one-sided tests of a guardrail, from the statistic (difference, shifted by the margin, over its
/// standard error).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GuardrailResult {
    /// The statistic, signed so that larger is better for the treatment.
    pub statistic: f64,
    /// The degrees of freedom (means only).
    pub df_opt: Option<f64>,
    /// p-value of "worse by the margin or more": small means non-inferior.
    pub p_non_inferior: f64,
    /// p-value of "no worse than the margin": small means worse by more than the margin.
    pub p_worse: f64,
    /// `p_non_inferior < alpha`: shown to be no worse than the margin.
    pub non_inferior: bool,
    /// `p_worse < alpha`: shown to be worse by more than the margin (a regression).
    pub worse: bool,
}

/// The guardrail tests for means (Welch standard error and degrees of freedom).
///
/// Errors: as [`welch_t_test`], and a margin or alpha out of range.
pub fn guardrail_means(
    control: &Summary,
    treatment: &Summary,
    guardrail: &Guardrail,
) -> StatsResult<GuardrailResult> {
    check_guardrail(guardrail)?;
    let (var_control, var_treatment) = mean_variances(control, treatment)?;
    let se = (var_control + var_treatment).sqrt();
    if se <= 0.0 {
        return Err(StatsError::ZeroVariance);
    }
    let df = welch_df(var_control, control.n(), var_treatment, treatment.n());
    let statistic = better_by(treatment.mean() - control.mean(), guardrail) / se;
    let t_dist = students_t(df)?;
    Ok(guardrail_result(
        statistic,
        Some(df),
        t_dist.sf(statistic),
        t_dist.cdf(statistic),
        guardrail,
    ))
}

/// The guardrail tests for rates (Wald: unpooled standard error, since the null is a difference of
/// `margin`, not equality).
///
/// Errors: a variant with no trials, both rates 0 or 1, and a margin or alpha out of range.
pub fn guardrail_proportions(
    control: &Proportion,
    treatment: &Proportion,
    guardrail: &Guardrail,
) -> StatsResult<GuardrailResult> {
    check_guardrail(guardrail)?;
    at_least_one_trial(control, treatment)?;
    let se = (control.variance_of_rate() + treatment.variance_of_rate()).sqrt();
    if se <= 0.0 {
        return Err(StatsError::DegenerateRate {
            control: control.rate(),
            treatment: treatment.rate(),
        });
    }
    let statistic = better_by(treatment.rate() - control.rate(), guardrail) / se;
    let normal = standard_normal();
    Ok(guardrail_result(
        statistic,
        None,
        normal.sf(statistic),
        normal.cdf(statistic),
        guardrail,
    ))
}

/// How much better than "worse by exactly the margin" the difference is, in the metric's good direction.
fn better_by(difference: f64, guardrail: &Guardrail) -> f64 {
    match guardrail.direction {
        Direction::HigherIsBetter => difference + guardrail.margin,
        Direction::LowerIsBetter => guardrail.margin - difference,
    }
}

fn guardrail_result(
    statistic: f64,
    df_opt: Option<f64>,
    p_non_inferior: f64,
    p_worse: f64,
    guardrail: &Guardrail,
) -> GuardrailResult {
    GuardrailResult {
        statistic,
        df_opt,
        p_non_inferior,
        p_worse,
        non_inferior: p_non_inferior < guardrail.alpha,
        worse: p_worse < guardrail.alpha,
    }
}

fn check_guardrail(guardrail: &Guardrail) -> StatsResult<()> {
    non_negative("the guardrail margin", guardrail.margin)?;
    probability_open("alpha", guardrail.alpha)
}

/// The variances of the two means (s² / n), or an error with fewer than two values in a variant.
fn mean_variances(control: &Summary, treatment: &Summary) -> StatsResult<(f64, f64)> {
    let variance_of_mean = |summary: &Summary, arm: Arm| {
        summary
            .variance_opt()
            .map(|variance| variance / summary.n() as f64)
            .ok_or(StatsError::TooFewObservations {
                arm,
                n: summary.n(),
                min: 2,
            })
    };
    Ok((
        variance_of_mean(control, Arm::Control)?,
        variance_of_mean(treatment, Arm::Treatment)?,
    ))
}

/// The Welch–Satterthwaite degrees of freedom from the variances of the two means.
fn welch_df(var_control: f64, n_control: u64, var_treatment: f64, n_treatment: u64) -> f64 {
    (var_control + var_treatment).powi(2)
        / (var_control.powi(2) / (n_control - 1) as f64
            + var_treatment.powi(2) / (n_treatment - 1) as f64)
}

fn at_least_one_trial(control: &Proportion, treatment: &Proportion) -> StatsResult<()> {
    for (proportion, arm) in [(control, Arm::Control), (treatment, Arm::Treatment)] {
        if proportion.trials() == 0 {
            return Err(StatsError::TooFewObservations { arm, n: 0, min: 1 });
        }
    }
    Ok(())
}

/// The indices of `p_values` in ascending order of p-value (ties keep their order), after checking them.
fn sorted_order(p_values: &[f64]) -> StatsResult<Vec<usize>> {
    if p_values.is_empty() {
        return Err(StatsError::Empty);
    }
    for &p_value in p_values {
        if !(0.0..=1.0).contains(&p_value) {
            return Err(StatsError::OutOfRange {
                what: "a p-value",
                value: p_value,
                expected: "in [0, 1]",
            });
        }
    }
    let mut order: Vec<usize> = (0..p_values.len()).collect();
    order.sort_by(|&left, &right| p_values[left].total_cmp(&p_values[right]));
    Ok(order)
}

fn students_t(df: f64) -> StatsResult<StudentsT> {
    StudentsT::new(0.0, 1.0, df)
        .map_err(|error| StatsError::Invalid(format!("t distribution with {df} df: {error}")))
}

/// The standard normal distribution function at `z`: a one-sided p-value.
pub fn standard_normal_cdf(z: f64) -> f64 {
    standard_normal().cdf(z)
}

fn standard_normal() -> Normal {
    Normal::standard()
}

/// The standard normal's 97.5% quantile (1.959963984540054).
fn z_975() -> f64 {
    standard_normal().inverse_cdf(0.975)
}

/// The largest magnitude a value may have: squares of differences of such values still fit an `f64`.
pub const MAX_VALUE: f64 = 1e150;

fn finite(what: &'static str, value: f64) -> StatsResult<()> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(StatsError::NonFinite { what, value })
    }
}

fn non_negative(what: &'static str, value: f64) -> StatsResult<()> {
    finite(what, value)?;
    if value < 0.0 {
        return Err(StatsError::OutOfRange {
            what,
            value,
            expected: "zero or more",
        });
    }
    Ok(())
}

/// Checks that `value` is finite and above zero.
fn positive(what: &'static str, value: f64) -> StatsResult<()> {
    finite(what, value)?;
    if value <= 0.0 {
        return Err(StatsError::OutOfRange {
            what,
            value,
            expected: "positive",
        });
    }
    Ok(())
}

/// Checks that `value` is a probability strictly between 0 and 1.
fn probability_open(what: &'static str, value: f64) -> StatsResult<()> {
    finite(what, value)?;
    if value <= 0.0 || value >= 1.0 {
        return Err(StatsError::OutOfRange {
            what,
            value,
            expected: "strictly between 0 and 1",
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
