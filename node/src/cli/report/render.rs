//! The report's content, written once as [`Block`]s and rendered twice: Markdown and self-contained HTML.

use shim_protocol::messages::{AnalyticsSummary, LevelPrediction, SessionOutcome, Spread};

use super::svg;

/// One piece of the report.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    /// A section heading.
    Heading(String),
    /// A paragraph.
    Text(String),
    /// Bullet points.
    Bullets(Vec<String>),
    /// A table: a header row and rows of cells.
    Table(Vec<String>, Vec<Vec<String>>),
    /// A horizontal bar chart: a title and (label, value, value as shown) bars. HTML only.
    Chart(String, Vec<svg::Bar>),
}

/// Builds the report of `current`, compared with `previous_opt` (the period just before it) when given.
pub(super) fn blocks(
    current: &AnalyticsSummary,
    previous_opt: Option<&AnalyticsSummary>,
) -> Vec<Block> {
    let mut blocks = vec![Block::Text(format!(
        "{} to {}. {} sessions, {} events read.{}",
        current.period.since,
        current.period.until,
        current.sessions,
        current.events_read,
        if current.sessions_truncated {
            " The store holds more session records than one query reads: only the 10,000 most recently \
             changed are counted."
        } else {
            ""
        }
    ))];
    blocks.push(Block::Heading("Headlines".to_owned()));
    blocks.push(Block::Bullets(headlines(current, previous_opt)));
    outcomes(current, previous_opt, &mut blocks);
    crash_prediction(current, &mut blocks);
    routing(current, &mut blocks);
    spend(current, &mut blocks);
    queue(current, &mut blocks);
    blocks
}

fn headlines(current: &AnalyticsSummary, previous_opt: Option<&AnalyticsSummary>) -> Vec<String> {
    let mut lines = Vec::new();
    let mut sessions = format!("{} sessions", current.sessions);
    if let Some(previous) = previous_opt {
        sessions.push_str(&format!(" (the period before: {})", previous.sessions));
    }
    lines.push(sessions);

    let mut interruptions = format!("Interruption rate {}", percent(current.interruption_rate));
    if let Some(change) = previous_opt
        .and_then(|previous| relative_change(previous.interruption_rate, current.interruption_rate))
    {
        interruptions.push_str(&format!(
            " ({} against the period before, {})",
            signed_percent(change),
            percent(previous_opt.and_then(|previous| previous.interruption_rate))
        ));
    }
    lines.push(interruptions);

    let resumes = &current.resumes;
    lines.push(format!(
        "Resumes: {} offered, {} taken",
        resumes.offered, resumes.taken
    ));

    let spend = &current.spend;
    lines.push(format!(
        "Routing saved {} against always using opus (estimated spend {}, opus would have cost {})",
        usd(spend.savings_usd),
        usd(spend.estimated_usd),
        usd(spend.always_opus_usd)
    ));

    let prediction = &current.crash_prediction;
    if let Some(danger) = prediction.levels.get("danger") {
        lines.push(format!(
            "Danger was reached before {} of {} bad endings (recall {}, precision {}), a median of {} minutes \
             and {} tool calls ahead",
            danger.true_positives,
            prediction.bad_outcomes,
            percent(danger.recall),
            percent(danger.precision),
            number(danger.lead_minutes.median, 1),
            number(danger.lead_tool_calls.median, 0)
        ));
    }
    let coverage = &prediction.checkpoint_within_last_n;
    lines.push(format!(
        "{} of {} interrupted sessions had a checkpoint within their last {} tool calls ({})",
        coverage.with_checkpoint,
        coverage.interrupted,
        coverage.n,
        percent(coverage.share)
    ));
    lines.push(format!(
        "{} checkpoints saved, {} at the median, {} at the 95th percentile",
        current.checkpoints.count,
        millis(current.checkpoints.latency_ms.p50),
        millis(current.checkpoints.latency_ms.p95)
    ));
    lines
}

fn outcomes(
    current: &AnalyticsSummary,
    previous_opt: Option<&AnalyticsSummary>,
    blocks: &mut Vec<Block>,
) {
    blocks.push(Block::Heading("How sessions ended".to_owned()));
    let names: Vec<&str> = SessionOutcome::ALL
        .iter()
        .map(|outcome| outcome.as_str())
        .chain(["open"])
        .collect();
    let total: u64 = current.outcomes.values().sum();
    let mut header = vec![
        "outcome".to_owned(),
        "sessions".to_owned(),
        "share".to_owned(),
    ];
    if previous_opt.is_some() {
        header.push("the period before".to_owned());
    }
    let rows = names
        .iter()
        .map(|name| {
            let count = current.outcomes.get(*name).copied().unwrap_or(0);
            let mut row = vec![
                (*name).to_owned(),
                count.to_string(),
                percent(ratio(count, total)),
            ];
            if let Some(previous) = previous_opt {
                row.push(
                    previous
                        .outcomes
                        .get(*name)
                        .copied()
                        .unwrap_or(0)
                        .to_string(),
                );
            }
            row
        })
        .collect();
    blocks.push(Block::Table(header, rows));
    blocks.push(Block::Chart(
        "Sessions by outcome".to_owned(),
        names
            .iter()
            .map(|name| {
                let count = current.outcomes.get(*name).copied().unwrap_or(0);
                svg::Bar::new(*name, count as f64, count.to_string())
            })
            .collect(),
    ));
    let levels = ["safe", "warning", "danger"];
    blocks.push(Block::Heading("Time at each risk level".to_owned()));
    blocks.push(Block::Table(
        vec!["level".to_owned(), "hours".to_owned()],
        levels
            .iter()
            .map(|level| {
                let seconds = current.risk_time_s.get(*level).copied().unwrap_or(0.0);
                vec![(*level).to_owned(), format!("{:.1}", seconds / 3600.0)]
            })
            .collect(),
    ));
    blocks.push(Block::Chart(
        "Hours at each risk level".to_owned(),
        levels
            .iter()
            .map(|level| {
                let hours = current.risk_time_s.get(*level).copied().unwrap_or(0.0) / 3600.0;
                svg::Bar::new(*level, hours, format!("{hours:.1} h"))
            })
            .collect(),
    ));
}

fn crash_prediction(current: &AnalyticsSummary, blocks: &mut Vec<Block>) {
    let prediction = &current.crash_prediction;
    blocks.push(Block::Heading("Crash prediction".to_owned()));
    blocks.push(Block::Text(format!(
        "Of {} sessions that ended, {} ended badly (every outcome but clean). A level flags a session when the \
         session reached it before its end; lead time runs from the first time it did to the end.",
        prediction.sessions, prediction.bad_outcomes
    )));
    let header = [
        "level",
        "flagged",
        "ended badly",
        "precision",
        "recall",
        "lead, minutes (p25 / median / p75)",
        "lead, tool calls (p25 / median / p75)",
    ];
    let rows = ["warning", "danger"]
        .iter()
        .map(|level| {
            let empty = LevelPrediction::default();
            let found = prediction.levels.get(*level).unwrap_or(&empty);
            vec![
                (*level).to_owned(),
                found.flagged.to_string(),
                found.true_positives.to_string(),
                percent(found.precision),
                percent(found.recall),
                quartiles(&found.lead_minutes, 1),
                quartiles(&found.lead_tool_calls, 0),
            ]
        })
        .collect();
    blocks.push(Block::Table(
        header.iter().map(|cell| (*cell).to_owned()).collect(),
        rows,
    ));
}

fn routing(current: &AnalyticsSummary, blocks: &mut Vec<Block>) {
    let routing = &current.routing;
    blocks.push(Block::Heading("Routing".to_owned()));
    blocks.push(Block::Text(format!(
        "{} decisions, {} overridden ({}).",
        routing.decisions,
        routing.overrides,
        percent(ratio(routing.overrides, routing.decisions))
    )));
    let tiers = ["haiku", "sonnet", "opus"];
    blocks.push(Block::Chart(
        "Decisions by tier".to_owned(),
        tiers
            .iter()
            .map(|tier| {
                let count = routing.by_tier.get(*tier).copied().unwrap_or(0);
                svg::Bar::new(*tier, count as f64, count.to_string())
            })
            .collect(),
    ));
    if !routing.by_category.is_empty() {
        blocks.push(Block::Table(
            vec![
                "category".to_owned(),
                "decisions".to_owned(),
                "overrides".to_owned(),
                "override rate".to_owned(),
            ],
            routing
                .by_category
                .iter()
                .map(|category| {
                    vec![
                        category.category.clone(),
                        category.decisions.to_string(),
                        category.overrides.to_string(),
                        percent(category.override_rate),
                    ]
                })
                .collect(),
        ));
    }
}

fn spend(current: &AnalyticsSummary, blocks: &mut Vec<Block>) {
    let spend = &current.spend;
    blocks.push(Block::Heading("Spend".to_owned()));
    let mut rows = vec![
        vec!["estimated, as routed".to_owned(), usd(spend.estimated_usd)],
        vec!["always opus".to_owned(), usd(spend.always_opus_usd)],
        vec!["saved".to_owned(), usd(spend.savings_usd)],
    ];
    let mut bars = vec![
        svg::Bar::new("as routed", spend.estimated_usd, usd(spend.estimated_usd)),
        svg::Bar::new(
            "always opus",
            spend.always_opus_usd,
            usd(spend.always_opus_usd),
        ),
    ];
    match spend.actual_usd {
        Some(actual) => {
            rows.insert(1, vec!["reported by the assistant".to_owned(), usd(actual)]);
            bars.insert(1, svg::Bar::new("reported", actual, usd(actual)));
        }
        None => rows.insert(
            1,
            vec![
                "reported by the assistant".to_owned(),
                "none reported".to_owned(),
            ],
        ),
    }
    blocks.push(Block::Table(
        vec!["".to_owned(), "US dollars".to_owned()],
        rows,
    ));
    blocks.push(Block::Chart("Spend, US dollars".to_owned(), bars));
}

fn queue(current: &AnalyticsSummary, blocks: &mut Vec<Block>) {
    let queue = &current.queue;
    blocks.push(Block::Heading("Task queue".to_owned()));
    blocks.push(Block::Table(
        vec![
            "dispatched".to_owned(),
            "completed".to_owned(),
            "failed".to_owned(),
            "cancelled".to_owned(),
            "dead".to_owned(),
            "wait (p50 / p95)".to_owned(),
            "run (p50 / p95)".to_owned(),
        ],
        vec![vec![
            queue.submitted.to_string(),
            queue.completed.to_string(),
            queue.failed.to_string(),
            queue.cancelled.to_string(),
            queue.dead.to_string(),
            spread(&queue.wait_ms),
            spread(&queue.run_ms),
        ]],
    ));
}

fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// `(after - before) / before`, when both are known and `before` is not zero.
fn relative_change(before_opt: Option<f64>, after_opt: Option<f64>) -> Option<f64> {
    let (before, after) = (before_opt?, after_opt?);
    (before > 0.0).then(|| (after - before) / before)
}

pub(super) fn percent(value_opt: Option<f64>) -> String {
    match value_opt {
        Some(value) if value.is_finite() => format!("{:.1}%", value * 100.0),
        _ => "n/a".to_owned(),
    }
}

fn signed_percent(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 10.0;
    if rounded > 0.0 {
        format!("+{rounded:.1}%")
    } else if rounded < 0.0 {
        format!("−{:.1}%", -rounded)
    } else {
        "no change".to_owned()
    }
}

pub(super) fn usd(value: f64) -> String {
    if value.is_finite() && value.abs() < 1.0 {
        format!("${value:.4}")
    } else {
        format!("${value:.2}")
    }
}

fn number(value_opt: Option<f64>, decimals: usize) -> String {
    match value_opt {
        Some(value) if value.is_finite() => format!("{value:.decimals$}"),
        _ => "n/a".to_owned(),
    }
}

fn millis(value_opt: Option<f64>) -> String {
    match value_opt {
        Some(value) if value.is_finite() => format!("{value:.1} ms"),
        _ => "n/a".to_owned(),
    }
}

fn quartiles(found: &shim_protocol::messages::Quartiles, decimals: usize) -> String {
    format!(
        "{} / {} / {}",
        number(found.p25, decimals),
        number(found.median, decimals),
        number(found.p75, decimals)
    )
}

fn spread(found: &Spread) -> String {
    format!("{} / {}", millis(found.p50), millis(found.p95))
}
