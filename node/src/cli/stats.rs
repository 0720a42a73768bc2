//! `shim-node stats compare FILE`: the Kaizen loop's comparison of a treatment with its control, offline, on
//! a JSON-lines file of `{"variant": "control" | "treatment", "value": <number>}` (docs/kaizen.md).
//!
//! The file is streamed: per variant only the count, the running mean and sum of squared deviations
//! (Welford), and the count of ones are kept, so memory does not grow with the file. A line may be at most
//! [`MAX_LINE_BYTES`] long and the file at most [`MAX_LINES`] lines. Without `--kind`, the values are rates
//! (two-proportion z-test) when every value is 0 or 1, else means (Welch's t-test).

use std::{
    io::{BufRead, BufReader, Read},
    path::Path,
    process::ExitCode,
};

use anyhow::Context;
use serde::Deserialize;
use shim_actors::experiment_manager::stats::{
    Comparison, Proportion, SampleRatio, Summary, sample_ratio_mismatch, two_proportion_z_test,
    welch_t_test,
};

use super::exit::UsageError;

/// The longest line read, in bytes (1 MiB).
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// The most lines read (blank lines included).
pub const MAX_LINES: u64 = 10_000_000;

/// What the values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Kind {
    /// Any numbers: Welch's t-test on the means.
    Mean,
    /// 0 or 1 per unit: the two-proportion z-test on the rates.
    Proportion,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Variant {
    Control,
    Treatment,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    variant: Variant,
    value: f64,
}

/// One variant's running totals.
#[derive(Debug, Default)]
struct Totals {
    summary: Summary,
    ones: u64,
    all_binary: bool,
}

impl Totals {
    fn new() -> Self {
        Self {
            all_binary: true,
            ..Self::default()
        }
    }
}

pub(super) fn compare(
    path: &Path,
    kind_opt: Option<Kind>,
    split: &str,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let planned = parse_split(split)?;
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let [control, treatment] = read_totals(BufReader::new(file), kind_opt)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let kind = kind_opt.unwrap_or(if control.all_binary && treatment.all_binary {
        Kind::Proportion
    } else {
        Kind::Mean
    });
    let comparison = match kind {
        Kind::Mean => welch_t_test(&control.summary, &treatment.summary),
        Kind::Proportion => two_proportion_z_test(
            &Proportion::new(control.ones, control.summary.n())?,
            &Proportion::new(treatment.ones, treatment.summary.n())?,
        ),
    }
    .context("cannot compare the variants")?;
    let ratio = sample_ratio_mismatch(&[control.summary.n(), treatment.summary.n()], &planned)
        .context("cannot check the sample ratio")?;
    let counts = [control.summary.n(), treatment.summary.n()];
    if json {
        outln!(
            "{}",
            serde_json::to_string_pretty(&to_json(&comparison, counts, &ratio, split))?
        );
    } else {
        print_text(&comparison, counts, &ratio, split);
    }
    Ok(ExitCode::SUCCESS)
}

/// The planned split `control/treatment`, such as `50/50` or `10/90`.
fn parse_split(split: &str) -> anyhow::Result<[f64; 2]> {
    let usage = || {
        UsageError(format!(
            "--split must be two positive numbers, control/treatment, like 50/50 or 10/90; got {split:?}"
        ))
    };
    let (control, treatment) = split.split_once('/').ok_or_else(usage)?;
    let weight = |text: &str| {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|weight| weight.is_finite() && *weight > 0.0)
            .ok_or_else(usage)
    };
    Ok([weight(control)?, weight(treatment)?])
}

fn read_totals(mut reader: impl BufRead, kind_opt: Option<Kind>) -> anyhow::Result<[Totals; 2]> {
    let mut totals = [Totals::new(), Totals::new()];
    let mut buffer = Vec::new();
    let mut number: u64 = 0;
    loop {
        buffer.clear();
        // One byte more than the limit tells a line that is too long from one that just fits.
        let read = (&mut reader)
            .take(MAX_LINE_BYTES as u64 + 1)
            .read_until(b'\n', &mut buffer)?;
        if read == 0 {
            break;
        }
        number += 1;
        if number > MAX_LINES {
            anyhow::bail!("more than {MAX_LINES} lines");
        }
        if buffer.last() == Some(&b'\n') {
            buffer.pop();
        }
        if buffer.len() > MAX_LINE_BYTES {
            anyhow::bail!("line {number} is longer than {MAX_LINE_BYTES} bytes (1 MiB)");
        }
        let text = std::str::from_utf8(&buffer)
            .map_err(|_| anyhow::anyhow!("line {number} is not UTF-8"))?;
        if text.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(text).map_err(|error| {
            anyhow::anyhow!(
                "line {number}: {error}; each line is {{\"variant\": \"control\" | \"treatment\", \"value\": <number>}}"
            )
        })?;
        let is_binary = line.value == 0.0 || line.value == 1.0;
        if kind_opt == Some(Kind::Proportion) && !is_binary {
            anyhow::bail!(
                "line {number}: value {} is not 0 or 1, as --kind proportion needs",
                line.value
            );
        }
        let entry = &mut totals[match line.variant {
            Variant::Control => 0,
            Variant::Treatment => 1,
        }];
        entry
            .summary
            .push(line.value)
            .with_context(|| format!("line {number}"))?;
        entry.all_binary &= is_binary;
        entry.ones += u64::from(line.value == 1.0);
    }
    Ok(totals)
}

fn to_json(
    comparison: &Comparison,
    [control_n, treatment_n]: [u64; 2],
    ratio: &SampleRatio,
    split: &str,
) -> serde_json::Value {
    let lift_opt = comparison.lift_opt.as_ref();
    serde_json::json!({
        "test": comparison.test.name(),
        "control": {"n": control_n, "mean": comparison.control_mean},
        "treatment": {"n": treatment_n, "mean": comparison.treatment_mean},
        "difference": comparison.difference,
        "ci95": [comparison.ci95.low, comparison.ci95.high],
        "relative_lift": lift_opt.map(|lift| lift.estimate),
        "relative_lift_ci95": lift_opt.map(|lift| [lift.ci95.low, lift.ci95.high]),
        "p_value": comparison.p_value,
        "statistic": comparison.statistic,
        "df": comparison.df_opt,
        "split": split,
        "srm_p_value": ratio.p_value,
        "srm_flagged": ratio.flagged,
    })
}

fn print_text(
    comparison: &Comparison,
    [control_n, treatment_n]: [u64; 2],
    ratio: &SampleRatio,
    split: &str,
) {
    let (what, statistic) = match comparison.df_opt {
        Some(df) => (
            "means",
            format!("t = {}, df = {}", sig(comparison.statistic), sig(df)),
        ),
        None => ("rates", format!("z = {}", sig(comparison.statistic))),
    };
    outln!("{} test on the {what}", comparison.test.name());
    outln!(
        "  control     n {control_n:<10} mean {}",
        sig(comparison.control_mean)
    );
    outln!(
        "  treatment   n {treatment_n:<10} mean {}",
        sig(comparison.treatment_mean)
    );
    outln!(
        "  difference  {} (95% CI {} to {})",
        sig(comparison.difference),
        sig(comparison.ci95.low),
        sig(comparison.ci95.high)
    );
    match &comparison.lift_opt {
        Some(lift) => outln!(
            "  lift        {}% (95% CI {}% to {}%)",
            sig(100.0 * lift.estimate),
            sig(100.0 * lift.ci95.low),
            sig(100.0 * lift.ci95.high)
        ),
        None => outln!("  lift        undefined: the control mean is 0"),
    }
    outln!(
        "  p-value     {} ({statistic})",
        p_value(comparison.p_value)
    );
    outln!(
        "  split       planned {split}, p-value {}: {}",
        p_value(ratio.p_value),
        if ratio.flagged {
            "SAMPLE RATIO MISMATCH: the assignment is broken, do not trust these results"
        } else {
            "as planned"
        }
    );
}

/// `value` with four significant digits.
fn sig(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        return format!("{value}");
    }
    if value.abs() < 1e-4 || value.abs() >= 1e15 {
        return format!("{value:.3e}");
    }
    // log10 of a finite non-zero f64 is within ±324, so the conversion is exact.
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = usize::try_from(3 - magnitude).unwrap_or(0).min(15);
    format!("{value:.decimals$}")
}

fn p_value(value: f64) -> String {
    if value < 1e-4 {
        format!("{value:.2e}")
    } else {
        format!("{value:.4}")
    }
}
