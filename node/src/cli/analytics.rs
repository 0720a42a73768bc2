//! `shim-node sessions`, `shim-node analytics` and `shim-node analytics crash-prediction`: questions to the
//! analytics service, which any node with the store on answers.

use std::{fmt::Write as _, process::ExitCode, time::Duration};

use shim_protocol::{
    messages::{
        AnalyticsSummary, CrashPrediction, LevelPrediction, Quartiles, SessionList, SessionOutcome,
        SessionsRequest, Spread, SummaryRequest,
    },
    subject::AnalyticsOp,
};

use super::{
    exit::UsageError,
    table::{self, Align},
};
use crate::{
    analytics::outcome::stamp,
    config::Config,
    nats::{ClientError, NodeClient},
};

/// How long the CLI waits for a query: the service gives up reading events after 60 s, so this is that and
/// some margin; a year of events takes seconds.
pub(super) const QUERY_WAIT: Duration = Duration::from_secs(75);

/// Parses `--since` (`7d`, `24h`, `90m`) into the period's start, in milliseconds since the epoch.
pub(super) fn since_ms(since: &str) -> anyhow::Result<u64> {
    let span = humantime::parse_duration(since.trim()).map_err(|error| {
        UsageError(format!(
            "--since {since:?} is not a duration like 7d, 24h or 90m: {error}"
        ))
    })?;
    Ok(shim_actors::now_ms().saturating_sub(span.as_millis() as u64))
}

pub(super) async fn ask<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(
    config: &Config,
    op: AnalyticsOp,
    request: &Req,
) -> anyhow::Result<Resp> {
    let client = super::connect_nats(config, "shim-node analytics").await?;
    let node = NodeClient::new(client, config.node_id.clone(), QUERY_WAIT);
    match node.request_service(op.subject(), request).await {
        Ok(reply) => Ok(reply),
        Err(ClientError::NoNode { .. }) => Err(super::exit::NoNodeError(
            "no node answers analytics queries; start one with `shim-node run` (with [analytics] enabled)"
                .to_owned(),
        )
        .into()),
        Err(ClientError::Timeout { .. }) => anyhow::bail!(
            "gave up after {} s waiting for the analytics query; try a shorter --since",
            QUERY_WAIT.as_secs()
        ),
        Err(error) => Err(error.into()),
    }
}

/// `shim-node sessions`.
pub(super) async fn sessions(
    config: &Config,
    since: &str,
    json: bool,
    outcome_opt: Option<String>,
    limit: u32,
) -> anyhow::Result<ExitCode> {
    let outcome = match outcome_opt {
        Some(name) => Some(SessionOutcome::parse(&name).ok_or_else(|| {
            UsageError(format!(
                "--outcome {name:?} is not one of: {}",
                SessionOutcome::ALL.map(SessionOutcome::as_str).join(", ")
            ))
        })?),
        None => None,
    };
    let request = SessionsRequest {
        since_ms: since_ms(since)?,
        until_ms: None,
        outcome,
        limit: Some(limit),
    };
    let list: SessionList = ask(config, AnalyticsOp::Sessions, &request).await?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(ExitCode::SUCCESS);
    }
    if list.sessions.is_empty() {
        outln!("no sessions since {}", stamp(request.since_ms));
        return Ok(ExitCode::SUCCESS);
    }
    let rows: Vec<Vec<String>> = list
        .sessions
        .iter()
        .map(|record| {
            vec![
                record.chat_id.clone(),
                stamp(record.started_at_ms),
                record
                    .outcome
                    .map_or("open", SessionOutcome::as_str)
                    .to_owned(),
                record.tool_calls.to_string(),
                record
                    .levels
                    .iter()
                    .map(|reached| reached.level.as_str())
                    .max_by_key(|level| *level == "danger")
                    .unwrap_or("safe")
                    .to_owned(),
                record.client.clone().unwrap_or_else(|| "-".to_owned()),
                super::chats::cell(&record.evidence.join("; "), 100),
            ]
        })
        .collect();
    let header = [
        ("CHAT", Align::Left),
        ("STARTED", Align::Left),
        ("OUTCOME", Align::Left),
        ("CALLS", Align::Right),
        ("PEAK", Align::Left),
        ("CLIENT", Align::Left),
        ("EVIDENCE", Align::Left),
    ];
    for line in table::render(&header, &rows) {
        outln!("{line}");
    }
    if list.truncated && limit >= shim_protocol::limits::MAX_SESSIONS_LISTED {
        outln!(
            "(more sessions matched; narrow --since or --outcome: 2,000 is the most --limit lists)"
        );
    } else if list.truncated {
        outln!("(more sessions matched; raise --limit or narrow --since)");
    }
    Ok(ExitCode::SUCCESS)
}

/// `shim-node analytics`.
pub(super) async fn summary(config: &Config, since: &str, json: bool) -> anyhow::Result<ExitCode> {
    let request = SummaryRequest {
        since_ms: since_ms(since)?,
        until_ms: None,
        last_calls: None,
    };
    let summary: AnalyticsSummary = ask(config, AnalyticsOp::Summary, &request).await?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&summary)?);
    } else {
        out!("{}", render_summary(&summary));
    }
    Ok(ExitCode::SUCCESS)
}

/// `shim-node analytics crash-prediction`.
pub(super) async fn crash_prediction(
    config: &Config,
    since: &str,
    json: bool,
    last_calls: u64,
) -> anyhow::Result<ExitCode> {
    let request = SummaryRequest {
        since_ms: since_ms(since)?,
        until_ms: None,
        last_calls: Some(last_calls),
    };
    let prediction: CrashPrediction = ask(config, AnalyticsOp::CrashPrediction, &request).await?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&prediction)?);
    } else {
        out!("{}", render_prediction(&prediction));
    }
    Ok(ExitCode::SUCCESS)
}

fn share(value_opt: Option<f64>) -> String {
    value_opt.map_or_else(|| "-".to_owned(), |value| format!("{:.0}%", value * 100.0))
}

fn number(value_opt: Option<f64>) -> String {
    value_opt.map_or_else(|| "-".to_owned(), |value| format!("{value:.1}"))
}

fn spread(value: &Spread) -> String {
    format!(
        "p50 {} / p95 {} / max {}",
        number(value.p50),
        number(value.p95),
        number(value.max)
    )
}

fn quartiles(value: &Quartiles) -> String {
    format!(
        "{} / {} / {}",
        number(value.p25),
        number(value.median),
        number(value.p75)
    )
}

/// The summary as text.
pub(super) fn render_summary(summary: &AnalyticsSummary) -> String {
    let mut text = String::new();
    let _ = writeln!(
        text,
        "SHIM analytics, {} to {}",
        summary.period.since, summary.period.until
    );
    let outcomes: Vec<String> = summary
        .outcomes
        .iter()
        .filter(|(_, count)| **count > 0)
        .map(|(name, count)| format!("{name} {count}"))
        .collect();
    let _ = writeln!(
        text,
        "sessions      {} ({})",
        summary.sessions,
        if outcomes.is_empty() {
            "none".to_owned()
        } else {
            outcomes.join(", ")
        }
    );
    let _ = writeln!(
        text,
        "interrupted   {} of the sessions that ended",
        share(summary.interruption_rate)
    );
    let _ = writeln!(
        text,
        "resumes       {} offered, {} taken",
        summary.resumes.offered, summary.resumes.taken
    );
    let _ = writeln!(
        text,
        "checkpoints   {} saved, ms {}",
        summary.checkpoints.count,
        spread(&summary.checkpoints.latency_ms)
    );
    let risk: Vec<String> = ["safe", "warning", "danger"]
        .iter()
        .map(|level| {
            let seconds = summary.risk_time_s.get(*level).copied().unwrap_or(0.0);
            format!("{level} {:.1} min", seconds / 60.0)
        })
        .collect();
    let _ = writeln!(text, "risk time     {}", risk.join(", "));
    let routing = &summary.routing;
    let tiers: Vec<String> = routing
        .by_tier
        .iter()
        .map(|(tier, count)| format!("{tier} {count}"))
        .collect();
    let _ = writeln!(
        text,
        "routing       {} decisions ({}), {} overrides",
        routing.decisions,
        tiers.join(", "),
        routing.overrides
    );
    for category in routing.by_category.iter().take(10) {
        let _ = writeln!(
            text,
            "  {:<12} {} decisions, {} overrides ({})",
            category.category,
            category.decisions,
            category.overrides,
            share(category.override_rate)
        );
    }
    let spend = &summary.spend;
    let _ = writeln!(
        text,
        "spend         estimated ${:.2}, actual {}, always-opus ${:.2}, saved ${:.2}",
        spend.estimated_usd,
        spend
            .actual_usd
            .map_or_else(|| "-".to_owned(), |usd| format!("${usd:.2}")),
        spend.always_opus_usd,
        spend.savings_usd
    );
    let queue = &summary.queue;
    let _ = writeln!(
        text,
        "queue         {} submitted, {} completed, {} failed, {} cancelled, {} dead",
        queue.submitted, queue.completed, queue.failed, queue.cancelled, queue.dead
    );
    let _ = writeln!(text, "  wait ms     {}", spread(&queue.wait_ms));
    let _ = writeln!(text, "  run ms      {}", spread(&queue.run_ms));
    let _ = writeln!(text, "events read   {}", summary.events_read);
    if summary.sessions_truncated {
        text.push_str(TRUNCATED_NOTE);
    }
    text.push_str(&render_prediction(&summary.crash_prediction));
    text
}

fn level_line(name: &str, level: &LevelPrediction) -> String {
    format!(
        "{name:<8} flagged {}, right {}, precision {}, recall {}; lead min {} / calls {} (p25 / median / p75)\n",
        level.flagged,
        level.true_positives,
        share(level.precision),
        share(level.recall),
        quartiles(&level.lead_minutes),
        quartiles(&level.lead_tool_calls)
    )
}

/// Said when a query read only part of the session records.
pub(super) const TRUNCATED_NOTE: &str = "note          the store holds more session records than a query reads; \
     only the 10,000 most recently changed are counted\n";

/// Crash prediction as text.
pub(super) fn render_prediction(prediction: &CrashPrediction) -> String {
    let mut text = format!(
        "crash prediction over {} ended sessions, {} ended badly\n",
        prediction.sessions, prediction.bad_outcomes
    );
    if prediction.sessions_truncated {
        text.push_str(TRUNCATED_NOTE);
    }
    for name in ["warning", "danger"] {
        if let Some(level) = prediction.levels.get(name) {
            text.push_str(&level_line(name, level));
        }
    }
    let coverage = &prediction.checkpoint_within_last_n;
    let _ = writeln!(
        text,
        "checkpoint within the last {} calls: {} of {} interrupted sessions ({})",
        coverage.n,
        coverage.with_checkpoint,
        coverage.interrupted,
        share(coverage.share)
    );
    text
}
