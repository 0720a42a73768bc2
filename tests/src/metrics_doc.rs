//! docs/metrics.md's table of metrics, what the catalogue says it must hold, and a Prometheus text exposition
//! read into the same shape, so tests can compare the three.

use std::collections::{BTreeMap, BTreeSet};

use shim_actors::catalogue::{self, LabelValues, MetricKind, MetricSpec};

/// A metric family as a table row or an exposition shows it: its Prometheus type and label names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// `counter`, `gauge` or `histogram`.
    pub kind: String,
    /// Its labels (a histogram's `le` left out).
    pub labels: BTreeSet<String>,
}

/// Reads the document.
pub fn read() -> String {
    std::fs::read_to_string(crate::repo_root().join("docs/metrics.md"))
        .expect("docs/metrics.md is readable")
}

/// The rows of the table of metrics: the lines between its header and the first line that is not a row.
pub fn table_rows(doc: &str) -> Vec<String> {
    doc.lines()
        .skip_while(|line| !line.starts_with("| metric |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(str::to_owned)
        .collect()
}

fn cells(row: &str) -> Vec<String> {
    row.trim()
        .trim_matches('|')
        .split(" | ")
        .map(|cell| cell.trim().to_owned())
        .collect()
}

/// The backticked words of `text` outside parentheses.
fn backticked_outside_parentheses(text: &str) -> Vec<String> {
    let mut depth = 0_i32;
    let mut outside = String::new();
    for char in text.chars() {
        match char {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth == 0 => outside.push(char),
            _ => {}
        }
    }
    outside
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The families the table documents, by name.
pub fn documented(doc: &str) -> BTreeMap<String, Family> {
    table_rows(doc)
        .iter()
        .map(|row| {
            let cells = cells(row);
            let name = backticked_outside_parentheses(&cells[0])
                .into_iter()
                .next()
                .unwrap_or_else(|| panic!("a row without a metric name: {row}"));
            let family = Family {
                kind: cells[1].clone(),
                labels: backticked_outside_parentheses(&cells[2])
                    .into_iter()
                    .collect(),
            };
            (name, family)
        })
        .collect()
}

/// The families a Prometheus text exposition holds, by name: type from `# TYPE`, labels from the series.
pub fn exposed(body: &str) -> BTreeMap<String, Family> {
    let mut families: BTreeMap<String, Family> = BTreeMap::new();
    for line in body.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut words = rest.split_whitespace();
            let (Some(name), Some(kind)) = (words.next(), words.next()) else {
                continue;
            };
            families.insert(
                name.to_owned(),
                Family {
                    kind: kind.to_owned(),
                    labels: BTreeSet::new(),
                },
            );
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let series = line.split([' ', '{']).next().unwrap_or_default();
        let family = families
            .keys()
            .filter(|name| {
                series == name.as_str()
                    || ["_bucket", "_sum", "_count"]
                        .iter()
                        .any(|suffix| series.strip_suffix(suffix) == Some(name.as_str()))
            })
            .max_by_key(|name| name.len())
            .cloned();
        let Some(family) = family else { continue };
        if let Some((_, labels)) = line.split_once('{') {
            let labels = labels.split('}').next().unwrap_or_default();
            for pair in split_labels(labels) {
                if let Some((label, _)) = pair.split_once('=')
                    && label != "le"
                {
                    families
                        .get_mut(&family)
                        .expect("family known")
                        .labels
                        .insert(label.to_owned());
                }
            }
        }
    }
    families
}

/// Splits `a="x",b="y,z"` at the commas between pairs (not those inside quoted values).
fn split_labels(labels: &str) -> Vec<String> {
    let mut pairs = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut escaped = false;
    for char in labels.chars() {
        match char {
            '\\' if quoted && !escaped => {
                escaped = true;
                current.push(char);
                continue;
            }
            '"' if !escaped => quoted = !quoted,
            ',' if !quoted => {
                pairs.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        escaped = false;
        current.push(char);
    }
    if !current.is_empty() {
        pairs.push(current);
    }
    pairs
}

/// The number of series (sample lines) in an exposition.
pub fn series_count(body: &str) -> usize {
    body.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .count()
}

fn label_cell(spec: &MetricSpec) -> String {
    if spec.labels.is_empty() {
        return "-".to_owned();
    }
    spec.labels
        .iter()
        .map(|label| match label.values {
            LabelValues::Fixed(values) => format!(
                "`{}` ({})",
                label.name,
                values
                    .iter()
                    .map(|value| format!("`{value}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            LabelValues::Bounded(what) => format!("`{}` ({what})", label.name),
            LabelValues::PerChat => format!("`{}` (one per running chat)", label.name),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The row docs/metrics.md must have for `spec`, given the dashboards that use it.
pub fn expected_row(spec: &MetricSpec, dashboards: &[String]) -> String {
    let name = if spec.kind == MetricKind::Histogram {
        format!("`{}` (`_bucket`, `_sum`, `_count`)", spec.prometheus_name())
    } else {
        format!("`{}`", spec.prometheus_name())
    };
    let dashboards = if dashboards.is_empty() {
        "-".to_owned()
    } else {
        dashboards.join(", ")
    };
    format!(
        "| {name} | {} | {} | {} | {} | {dashboards} |",
        spec.kind.prometheus_type(),
        label_cell(spec),
        spec.unit.doc(),
        spec.description,
    )
}

/// The table docs/metrics.md must hold: one row per catalogue entry, in the catalogue's order.
pub fn expected_rows() -> Vec<String> {
    let by_dashboard = crate::dashboards::families_by_dashboard();
    catalogue::CATALOGUE
        .iter()
        .map(|spec| {
            let name = spec.prometheus_name();
            let dashboards: Vec<String> = by_dashboard
                .iter()
                .filter(|(_, families)| families.contains(&name))
                .map(|(dashboard, _)| dashboard.clone())
                .collect();
            expected_row(spec, &dashboards)
        })
        .collect()
}
