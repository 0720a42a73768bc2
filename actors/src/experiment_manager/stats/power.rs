//! Power and sample size before an experiment starts, for a two-sided test with equal variants, by the normal
//! approximation (the same as statsmodels' `NormalIndPower`):
//!
//! power(n) = Φ(|d|·√(n/2) − z) + Φ(−|d|·√(n/2) − z), z = Φ⁻¹(1 − α/2),
//!
//! where n is the units per variant and d the standardized effect: the minimum detectable effect over the
//! baseline standard deviation for means, Cohen's h = 2·asin√p₁ − 2·asin√p₀ for rates (the arcsine transform
//! makes a rate's variance independent of the rate). The sample size is the smallest n with power(n) ≥ the
//! target, solved by bisection below the one-tail closed form 2·((z + z_power)/d)².

use statrs::distribution::ContinuousCDF;

use super::{StatsError, StatsResult, finite, positive, probability_open, standard_normal};

/// The usual two-sided significance level.
pub const DEFAULT_ALPHA: f64 = 0.05;
/// The usual power.
pub const DEFAULT_POWER: f64 = 0.8;
/// The largest sample size per variant this plans for; a smaller effect is refused as undetectable.
pub const MAX_UNITS_PER_VARIANT: f64 = 1e12;

/// The sample size an experiment needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SampleSize {
    /// The standardized effect size d (or Cohen's h for rates).
    pub effect_size: f64,
    /// The exact solution of power(n) = target, n units per variant.
    pub per_variant_exact: f64,
    /// Units per variant to plan for: `per_variant_exact` rounded up.
    pub per_variant: u64,
}

/// The standardized effect of a change of `minimum_detectable_effect` in a mean whose standard deviation is
/// `baseline_sd`. Errors: a standard deviation that is not positive, an effect of zero.
pub fn effect_size_means(baseline_sd: f64, minimum_detectable_effect: f64) -> StatsResult<f64> {
    positive("the baseline standard deviation", baseline_sd)?;
    finite("the minimum detectable effect", minimum_detectable_effect)?;
    nonzero_effect(minimum_detectable_effect / baseline_sd)
}

/// Cohen's h for a rate moving from `baseline_rate` to `baseline_rate × (1 + relative_mde)`. Errors: a
/// baseline outside (0, 1), or a target rate outside [0, 1], or no change.
pub fn effect_size_proportions(baseline_rate: f64, relative_mde: f64) -> StatsResult<f64> {
    probability_open("the baseline rate", baseline_rate)?;
    finite("the relative minimum detectable effect", relative_mde)?;
    let target = baseline_rate * (1.0 + relative_mde);
    if !(0.0..=1.0).contains(&target) {
        return Err(StatsError::OutOfRange {
            what: "the rate to detect, baseline × (1 + relative effect),",
            value: target,
            expected: "in [0, 1]",
        });
    }
    nonzero_effect(2.0 * target.sqrt().asin() - 2.0 * baseline_rate.sqrt().asin())
}

/// The power of a two-sided test at level `alpha` to detect standardized effect `effect_size` with
/// `per_variant` units in each of two variants.
pub fn power(effect_size: f64, per_variant: f64, alpha: f64) -> StatsResult<f64> {
    finite("the effect size", effect_size)?;
    positive("the units per variant", per_variant)?;
    probability_open("alpha", alpha)?;
    Ok(power_unchecked(effect_size.abs(), per_variant, alpha))
}

/// The units per variant a two-sided test at level `alpha` needs to reach `power` for standardized effect
/// `effect_size` (see [`effect_size_means`], [`effect_size_proportions`]).
///
/// Errors: alpha or power outside (0, 1), power not above alpha, an effect of zero, or more than
/// [`MAX_UNITS_PER_VARIANT`] needed.
pub fn sample_size(effect_size: f64, alpha: f64, power: f64) -> StatsResult<SampleSize> {
    probability_open("alpha", alpha)?;
    probability_open("power", power)?;
    if power <= alpha {
        return Err(StatsError::Invalid(format!(
            "a power of {power} is no more than alpha {alpha}: any sample reaches it"
        )));
    }
    let effect = nonzero_effect(effect_size)?.abs();
    let normal = standard_normal();
    let z_alpha = -normal.inverse_cdf(alpha / 2.0);
    let z_power = normal.inverse_cdf(power);
    // Ignoring the far tail, power(n) = target has this closed form; the far tail only adds power, so the
    // exact n is at most this.
    let mut high = 2.0 * ((z_alpha + z_power) / effect).powi(2);
    if !high.is_finite() || high > MAX_UNITS_PER_VARIANT {
        return Err(StatsError::Invalid(format!(
            "an effect size of {effect_size} needs more than {MAX_UNITS_PER_VARIANT} units per variant"
        )));
    }
    let mut low = 0.0;
    for _ in 0..200 {
        let middle = 0.5 * (low + high);
        if middle <= low || middle >= high {
            break;
        }
        if power_unchecked(effect, middle, alpha) >= power {
            high = middle;
        } else {
            low = middle;
        }
    }
    Ok(SampleSize {
        effect_size,
        per_variant_exact: high,
        // At most 1e12, so the conversion is exact.
        per_variant: high.ceil() as u64,
    })
}

fn power_unchecked(effect: f64, per_variant: f64, alpha: f64) -> f64 {
    let normal = standard_normal();
    let z_alpha = -normal.inverse_cdf(alpha / 2.0);
    let shift = effect * (per_variant / 2.0).sqrt();
    normal.sf(z_alpha - shift) + normal.cdf(-z_alpha - shift)
}

fn nonzero_effect(effect_size: f64) -> StatsResult<f64> {
    finite("the effect size", effect_size)?;
    if effect_size == 0.0 {
        return Err(StatsError::OutOfRange {
            what: "the effect size",
            value: effect_size,
            expected: "non-zero",
        });
    }
    Ok(effect_size)
}
