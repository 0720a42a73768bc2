//! Looking early without inflating false positives: group-sequential boundaries by Lan–DeMets alpha spending
//! with the O'Brien–Fleming-type spending function
//!
//! α(t) = 2 − 2·Φ(z_{α/2} / √t),
//!
//! where t in (0, 1] is the information fraction (units so far / units planned). By fraction t at most α(t)
//! of the type I error has been spent, so however many looks are taken, and whenever, the chance of ever
//! crossing a boundary under "no effect" is α. The spending is tiny early (α(0.2) ≈ 1e-5 at α = 0.05) and the
//! last boundary stays close to the fixed-horizon 1.96 (2.06 after five equal looks), so an early stop
//! needs overwhelming evidence and the planned power is barely touched. Looks need not be planned in advance:
//! each boundary depends only on the fractions of the looks before it.
//!
//! Each boundary c_k solves P(|Z_1| < c_1, …, |Z_{k−1}| < c_{k−1}, |Z_k| ≥ c_k) = α(t_k) − α(t_{k−1}) under
//! H0, where Z_k is the z statistic at look k (corr(Z_i, Z_j) = √(t_i / t_j)). The probability is computed by
//! the recursive numerical integration of Armitage, McPherson and Rowe (1969) over the score S_k = Z_k·√t_k,
//! whose increments are independent normal, with Simpson's rule; the bound by bisection.

use statrs::distribution::ContinuousCDF;

use super::{StatsError, StatsResult, probability_open, standard_normal};

/// The most looks a plan may have.
pub const MAX_LOOKS: usize = 50;
/// Simpson grid: at least this many intervals per standard deviation of a look's increment.
const INTERVALS_PER_SD: f64 = 12.0;
/// Simpson grid: at most this many intervals (and at least [`MIN_INTERVALS`]).
const MAX_INTERVALS: usize = 2000;
const MIN_INTERVALS: usize = 200;
/// Where the score's density is cut when no boundary cuts it: beyond 9 standard deviations the mass
/// (≈ 2e-19) is far below the precision of the result.
const TAIL_SD: f64 = 9.0;

/// One look of a sequential test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SequentialLook {
    /// The information fraction of this look.
    pub fraction: f64,
    /// The alpha spent up to and including this look.
    pub alpha_spent: f64,
    /// The boundary for |z| at this look (infinite when nothing is spent here: it cannot be crossed).
    pub boundary: f64,
    /// Whether |z| ≥ boundary: stop, the difference is significant.
    pub crossed: bool,
}

/// The alpha spent by information fraction `fraction` (clamped to 1), for a two-sided `alpha`.
pub fn alpha_spent(fraction: f64, alpha: f64) -> StatsResult<f64> {
    probability_open("alpha", alpha)?;
    check_fraction(fraction)?;
    Ok(spent_unchecked(fraction, alpha))
}

/// The two-sided boundaries for |z| at looks at information fractions `fractions` (strictly increasing, in
/// (0, 1]), at overall level `alpha`.
///
/// Errors: no fractions, more than [`MAX_LOOKS`], fractions not increasing or outside (0, 1], alpha outside
/// (0, 1).
pub fn boundaries(fractions: &[f64], alpha: f64) -> StatsResult<Vec<f64>> {
    boundaries_given(fractions, &[], alpha)
}

/// [`boundaries`], taking the first `known.len()` boundaries as given (computed earlier for the same
/// fractions and alpha) instead of solving for them again: a look after k others then costs one solve, not
/// k + 1.
fn boundaries_given(fractions: &[f64], known: &[f64], alpha: f64) -> StatsResult<Vec<f64>> {
    probability_open("alpha", alpha)?;
    if fractions.is_empty() {
        return Err(StatsError::Empty);
    }
    if fractions.len() > MAX_LOOKS {
        return Err(StatsError::Invalid(format!(
            "{} looks; at most {MAX_LOOKS} are supported",
            fractions.len()
        )));
    }
    let mut previous = 0.0;
    for &fraction in fractions {
        check_fraction(fraction)?;
        if fraction <= previous {
            return Err(StatsError::Invalid(format!(
                "information fractions must increase: {fraction} comes after {previous}"
            )));
        }
        previous = fraction;
    }
    let normal = standard_normal();
    let mut bounds = Vec::with_capacity(fractions.len());
    // The score's density on the continuation region of the last look, on a Simpson grid.
    let mut grid_opt: Option<Grid> = None;
    let mut spent_before = 0.0;
    let mut fraction_before = 0.0;
    for (index, &fraction) in fractions.iter().enumerate() {
        let spent = spent_unchecked(fraction, alpha);
        let increment = spent - spent_before;
        let bound = match &grid_opt {
            _ if index < known.len() => known[index],
            _ if increment <= 0.0 => f64::INFINITY,
            None => -normal.inverse_cdf(increment / 2.0),
            Some(grid) => {
                let step_sd = (fraction - fraction_before).sqrt();
                let root_fraction = fraction.sqrt();
                let exit = |bound: f64| grid.exit_probability(bound * root_fraction, step_sd);
                solve_decreasing(exit, increment)
            }
        };
        let step_sd = (fraction - fraction_before).sqrt();
        grid_opt = Some(match grid_opt {
            None => Grid::first(fraction, bound),
            Some(grid) => grid.next(fraction, step_sd, bound),
        });
        bounds.push(bound);
        spent_before = spent;
        fraction_before = fraction;
    }
    Ok(bounds)
}

/// Takes a look at information fraction `fraction` with test statistic `z`, after looks at
/// `previous_fractions`: whether the boundary is crossed. Errors: as [`boundaries`] over all the fractions.
pub fn look(
    previous_fractions: &[f64],
    fraction: f64,
    z: f64,
    alpha: f64,
) -> StatsResult<SequentialLook> {
    super::finite("the z statistic", z)?;
    let mut fractions = previous_fractions.to_vec();
    fractions.push(fraction);
    let bounds = boundaries(&fractions, alpha)?;
    let boundary = bounds.last().copied().unwrap_or(f64::INFINITY);
    Ok(SequentialLook {
        fraction,
        alpha_spent: spent_unchecked(fraction, alpha),
        boundary,
        crossed: z.abs() >= boundary,
    })
}

/// [`look`], when the earlier looks' boundaries are known: `previous` holds each earlier look's fraction and
/// boundary, as [`look`] gave them. The same answer, for one boundary's work.
pub fn look_after(
    previous: &[(f64, f64)],
    fraction: f64,
    z: f64,
    alpha: f64,
) -> StatsResult<SequentialLook> {
    super::finite("the z statistic", z)?;
    let mut fractions: Vec<f64> = previous.iter().map(|(fraction, _)| *fraction).collect();
    let known: Vec<f64> = previous.iter().map(|(_, boundary)| *boundary).collect();
    fractions.push(fraction);
    let bounds = boundaries_given(&fractions, &known, alpha)?;
    let boundary = bounds.last().copied().unwrap_or(f64::INFINITY);
    Ok(SequentialLook {
        fraction,
        alpha_spent: spent_unchecked(fraction, alpha),
        boundary,
        crossed: z.abs() >= boundary,
    })
}

fn check_fraction(fraction: f64) -> StatsResult<()> {
    super::finite("an information fraction", fraction)?;
    if fraction <= 0.0 || fraction > 1.0 {
        return Err(StatsError::OutOfRange {
            what: "an information fraction",
            value: fraction,
            expected: "in (0, 1]",
        });
    }
    Ok(())
}

fn spent_unchecked(fraction: f64, alpha: f64) -> f64 {
    let normal = standard_normal();
    let z_half = -normal.inverse_cdf(alpha / 2.0);
    if fraction >= 1.0 {
        alpha
    } else {
        2.0 * normal.sf(z_half / fraction.sqrt())
    }
}

/// The `x` in [0, 40] where the decreasing `function(x)` equals `target`, by bisection.
fn solve_decreasing(function: impl Fn(f64) -> f64, target: f64) -> f64 {
    let (mut low, mut high) = (0.0_f64, 40.0_f64);
    for _ in 0..100 {
        let middle = 0.5 * (low + high);
        if function(middle) > target {
            low = middle;
        } else {
            high = middle;
        }
        if high - low < 1e-12 {
            break;
        }
    }
    0.5 * (low + high)
}

/// The sub-density of the score S = Z·√t on the continuation region (−b, b) of a look, sampled on a Simpson
/// grid: `weights[i] * density[i]` integrates.
struct Grid {
    points: Vec<f64>,
    /// Simpson weight times density at each point.
    mass: Vec<f64>,
}

impl Grid {
    /// The grid after the first look: S ~ N(0, t) cut at |S| < bound·√t.
    fn first(fraction: f64, bound: f64) -> Self {
        let sd = fraction.sqrt();
        let half_width = bound.min(TAIL_SD) * sd;
        let points = simpson_points(half_width, sd);
        let mass = with_weights(&points, |point| normal_density(point / sd) / sd);
        Self { points, mass }
    }

    /// The grid after the next look at `fraction`, `step_sd` = √(increment of information), cut at
    /// |S| < bound·√fraction.
    fn next(&self, fraction: f64, step_sd: f64, bound: f64) -> Self {
        let half_width = (bound * fraction.sqrt()).min(TAIL_SD * fraction.sqrt());
        let points = simpson_points(half_width, step_sd);
        let mass = with_weights(&points, |point| {
            self.points
                .iter()
                .zip(&self.mass)
                .map(|(&from, &mass)| mass * normal_density((point - from) / step_sd) / step_sd)
                .sum()
        });
        Self { points, mass }
    }

    /// The probability of continuing to here and then leaving (−edge, edge) after an increment with
    /// standard deviation `step_sd`.
    fn exit_probability(&self, edge: f64, step_sd: f64) -> f64 {
        let normal = standard_normal();
        self.points
            .iter()
            .zip(&self.mass)
            .map(|(&from, &mass)| {
                mass * (normal.cdf((-edge - from) / step_sd) + normal.cdf((from - edge) / step_sd))
            })
            .sum()
    }
}

/// An odd number of equally spaced points over [−half_width, half_width], fine enough for a kernel of
/// standard deviation `kernel_sd`.
fn simpson_points(half_width: f64, kernel_sd: f64) -> Vec<f64> {
    let wanted = (2.0 * half_width / kernel_sd * INTERVALS_PER_SD).ceil();
    // Clamped to [MIN_INTERVALS, MAX_INTERVALS] before the conversion, so it is exact.
    let mut intervals = wanted.clamp(MIN_INTERVALS as f64, MAX_INTERVALS as f64) as usize;
    intervals += intervals % 2;
    let step = 2.0 * half_width / intervals as f64;
    (0..=intervals)
        .map(|index| -half_width + step * index as f64)
        .collect()
}

/// `density` at each point times its composite Simpson weight.
fn with_weights(points: &[f64], density: impl Fn(f64) -> f64) -> Vec<f64> {
    let last = points.len() - 1;
    let step = if last == 0 {
        0.0
    } else {
        (points[last] - points[0]) / last as f64
    };
    points
        .iter()
        .enumerate()
        .map(|(index, &point)| {
            let factor = if index == 0 || index == last {
                1.0
            } else if index % 2 == 1 {
                4.0
            } else {
                2.0
            };
            factor * step / 3.0 * density(point)
        })
        .collect()
}

fn normal_density(x: f64) -> f64 {
    (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt()
}
