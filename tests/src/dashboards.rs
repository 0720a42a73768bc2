//! SHIM's Grafana dashboards (`dashboards/*.json`): their queries, expanded the way Grafana expands them, and
//! the metric names and label matchers a query's selectors use (read with a PromQL parser).

use std::{collections::BTreeSet, path::PathBuf};

use promql_parser::{
    label::Matcher,
    parser::{self, Expr},
    util::{ExprVisitor, walk_expr},
};
use serde_json::Value;

/// One query of a dashboard panel.
#[derive(Debug, Clone)]
pub struct Query {
    /// The dashboard's file name without `.json` (`overview`, `crash-prevention`, ...).
    pub dashboard: String,
    /// The panel's title.
    pub panel: String,
    /// The expression as written in the dashboard.
    pub expr: String,
}

impl Query {
    /// The expression as Grafana sends it to Prometheus, for a data source scraped every 15 s (the one
    /// compose.yaml provisions: `$__rate_interval` is four scrape intervals, 1m) over a one-hour range.
    pub fn expanded(&self) -> String {
        grafana_expand(&self.expr)
    }
}

/// Replaces Grafana's built-in variables: `$__rate_interval` (1m), `$__interval` (15s), `$__range` (1h).
pub fn grafana_expand(expr: &str) -> String {
    expr.replace("$__rate_interval", "1m")
        .replace("$__interval", "15s")
        .replace("$__range", "1h")
}

/// The directory of the dashboards.
pub fn dir() -> PathBuf {
    crate::repo_root().join("dashboards")
}

/// Every dashboard file, sorted.
pub fn files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("dashboards/ exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Every query of every panel of every dashboard.
pub fn queries() -> Vec<Query> {
    let mut queries = Vec::new();
    for path in files() {
        let dashboard = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path).expect("dashboard is readable");
        let json: Value = serde_json::from_str(&text)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        for panel in json["panels"].as_array().into_iter().flatten() {
            for target in panel["targets"].as_array().into_iter().flatten() {
                queries.push(Query {
                    dashboard: dashboard.clone(),
                    panel: panel["title"].as_str().unwrap_or_default().to_owned(),
                    expr: target["expr"].as_str().unwrap_or_default().to_owned(),
                });
            }
        }
    }
    queries
}

/// A selector of a query: its metric name (none when it does not name one) and its label matchers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    /// The metric name, when the selector gives one.
    pub name_opt: Option<String>,
    /// The labels its matchers name.
    pub labels: BTreeSet<String>,
    /// Its label matchers (`__name__` left out).
    pub matchers: Vec<Matcher>,
}

struct Selectors(Vec<Selector>);

impl ExprVisitor for Selectors {
    type Error = String;

    fn pre_visit(&mut self, expr: &Expr) -> Result<bool, String> {
        let selector = match expr {
            Expr::VectorSelector(selector) => selector,
            Expr::MatrixSelector(matrix) => &matrix.vs,
            _ => return Ok(true),
        };
        let matchers: Vec<Matcher> = selector
            .matchers
            .matchers
            .iter()
            .chain(selector.matchers.or_matchers.iter().flatten())
            .filter(|matcher| matcher.name != "__name__")
            .cloned()
            .collect();
        self.0.push(Selector {
            name_opt: selector.name.clone(),
            labels: matchers
                .iter()
                .map(|matcher| matcher.name.clone())
                .collect(),
            matchers,
        });
        Ok(true)
    }
}

/// Parses `expr` (after Grafana's expansion) and returns every vector selector in it.
pub fn selectors(expr: &str) -> Result<Vec<Selector>, String> {
    let ast = parser::parse(&grafana_expand(expr))?;
    let mut visitor = Selectors(Vec::new());
    walk_expr(&mut visitor, &ast)?;
    Ok(visitor.0)
}

/// The metric families (`# TYPE` names, histograms without `_bucket`) each dashboard's queries use.
pub fn families_by_dashboard() -> Vec<(String, BTreeSet<String>)> {
    let mut by_dashboard: Vec<(String, BTreeSet<String>)> = Vec::new();
    for query in queries() {
        let names: BTreeSet<String> = selectors(&query.expr)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|selector| selector.name_opt)
            .map(|name| family_of(&name))
            .collect();
        match by_dashboard
            .iter_mut()
            .find(|(dashboard, _)| *dashboard == query.dashboard)
        {
            Some((_, families)) => families.extend(names),
            None => by_dashboard.push((query.dashboard.clone(), names)),
        }
    }
    by_dashboard
}

/// The family a series name belongs to: a histogram's `_bucket`, `_sum` and `_count` series belong to the
/// family without the suffix, when that family is a histogram of the catalogue.
pub fn family_of(series: &str) -> String {
    for suffix in ["_bucket", "_sum", "_count"] {
        if let Some(base) = series.strip_suffix(suffix)
            && shim_actors::catalogue::by_prometheus_name(series)
                .is_some_and(|spec| spec.prometheus_name() == base)
        {
            return base.to_owned();
        }
    }
    series.to_owned()
}

/// The values a label of `spec` takes, when they are known: the catalogue's fixed values, and for `op` every
/// operation the node serves (its own and the router's).
pub fn known_values(spec: &shim_actors::catalogue::MetricSpec, label: &str) -> Option<Vec<String>> {
    use shim_actors::catalogue::LabelValues;
    use shim_protocol::{NodeOp, subject::RouterOp};
    if label == "op" {
        let mut ops: Vec<String> = NodeOp::ALL
            .iter()
            .map(|op| op.as_str().to_owned())
            .collect();
        ops.extend(
            RouterOp::ALL
                .iter()
                .map(|op| format!("router.{}", op.as_str())),
        );
        ops.push("unknown".to_owned());
        return Some(ops);
    }
    match spec.labels.iter().find(|known| known.name == label)?.values {
        LabelValues::Fixed(values) => {
            Some(values.iter().map(|value| (*value).to_owned()).collect())
        }
        LabelValues::Bounded(_) | LabelValues::PerChat => None,
    }
}
