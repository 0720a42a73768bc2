//! Horizontal bar charts as inline SVG: no script, no external resource, every label escaped.

use std::fmt::Write as _;

use super::escape;

/// Width of a chart, in SVG units.
const WIDTH: f64 = 560.0;
/// Width of the label column.
const LABEL_WIDTH: f64 = 120.0;
/// Width kept for the value printed after a bar.
const VALUE_WIDTH: f64 = 90.0;
/// Height of one bar's row.
const ROW: f64 = 24.0;
/// Height of the title line.
const TITLE: f64 = 26.0;

/// One bar: what it is, how long it is, and the value printed beside it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Bar {
    label: String,
    value: f64,
    shown: String,
}

impl Bar {
    /// A bar of `value` (negative, infinite or NaN values draw as empty), labelled `label`, with `shown`
    /// printed after it.
    pub(super) fn new(label: impl Into<String>, value: f64, shown: impl Into<String>) -> Bar {
        Bar {
            label: label.into(),
            value: if value.is_finite() && value > 0.0 {
                value
            } else {
                0.0
            },
            shown: shown.into(),
        }
    }
}

/// Renders `bars` as one `<svg>` element, scaled to the longest bar.
pub(super) fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let height = TITLE + ROW * bars.len() as f64 + 4.0;
    let longest = bars.iter().map(|bar| bar.value).fold(0.0_f64, f64::max);
    let room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{title}">"#,
        title = escape(title),
    );
    let _ = write!(
        svg,
        r#"<text x="0" y="16" class="title">{}</text>"#,
        escape(title)
    );
    for (index, bar) in bars.iter().enumerate() {
        let top = TITLE + ROW * index as f64;
        let length = if longest > 0.0 {
            (bar.value / longest * room).max(if bar.value > 0.0 { 1.0 } else { 0.0 })
        } else {
            0.0
        };
        let _ = write!(
            svg,
            r#"<text x="{x}" y="{y}" text-anchor="end">{label}</text><rect x="{LABEL_WIDTH}" y="{top}" width="{length:.1}" height="{bar_height}" class="bar"/><text x="{value_x:.1}" y="{y}">{shown}</text>"#,
            x = LABEL_WIDTH - 6.0,
            y = top + 15.0,
            label = escape(&bar.label),
            bar_height = ROW - 6.0,
            value_x = LABEL_WIDTH + length + 6.0,
            shown = escape(&bar.shown),
        );
    }
    svg.push_str("</svg>");
    svg
}
