//! `shim-node report`: the period's report as Markdown and as one self-contained HTML file with SVG charts.
//!
//! The content is built once ([`render::blocks`]) from the analytics summary of the period and of the period
//! before it, then written in both forms. The HTML carries its style and charts inline and loads nothing, so it
//! can be mailed or archived as one file; every piece of text in it is escaped.

mod improvements;
mod render;
mod svg;

use std::{fmt::Write as _, path::Path, process::ExitCode};

use anyhow::Context;
use shim_protocol::{
    messages::{AnalyticsSummary, Experiment, ExperimentList, SummaryRequest},
    subject::{AnalyticsOp, KaizenNames, KaizenOp},
};

use crate::{config::Config, nats::NodeClient};
use render::Block;

/// Writes the report of the last `since` (`30d`; compared with the period of the same length before it) into
/// `out_dir` as `shim-report-<date>.md` and `.html`, both private to the user; prints their paths.
pub(super) async fn run(config: &Config, since: &str, out_dir: &Path) -> anyhow::Result<ExitCode> {
    let since_ms = super::analytics::since_ms(since)?;
    let until_ms = shim_actors::now_ms();
    let length_ms = until_ms.saturating_sub(since_ms);
    let summary = |since_ms: u64, until_ms: u64| async move {
        let request = SummaryRequest {
            since_ms,
            until_ms: Some(until_ms),
            last_calls: None,
        };
        super::analytics::ask::<_, AnalyticsSummary>(config, AnalyticsOp::Summary, &request).await
    };
    // Both periods are asked at once: each query may take seconds, and any node can answer either. A period
    // reaching back past 1970 (`--since 60y`) has none before it.
    let previous_since_opt = since_ms.checked_sub(length_ms).filter(|_| length_ms > 0);
    let (current, previous) = tokio::join!(summary(since_ms, until_ms), async {
        match previous_since_opt {
            Some(previous_since) => Some(summary(previous_since, since_ms).await),
            None => None,
        }
    });
    let experiments = experiments(config).await;
    let current = current.context("failed to summarise the period")?;
    let previous = previous
        .transpose()
        .context("failed to summarise the period before it")?;
    // A period the store no longer holds (older than `max_age_days`) has no events: no comparison then.
    let previous_opt = previous
        .as_ref()
        .filter(|previous| previous.events_read > 0);
    // A directory made here is the user's alone, like the files in it; an existing one keeps its mode.
    std::os::unix::fs::DirBuilderExt::mode(std::fs::DirBuilder::new().recursive(true), 0o700)
        .create(out_dir)
        .with_context(|| format!("failed to create {}", out_dir.display()))?;
    let date = current
        .period
        .until
        .get(..10)
        .unwrap_or("report")
        .to_owned();
    let loop_blocks = improvements::blocks(
        experiments.as_deref().map_err(String::as_str),
        &current,
        since_ms,
        until_ms,
    );
    for (extension, text) in [
        ("md", markdown(&current, previous_opt, &loop_blocks)),
        ("html", html(&current, previous_opt, &loop_blocks)),
    ] {
        let path = out_dir.join(format!("shim-report-{date}.{extension}"));
        // Project directories and spend are the user's own business.
        crate::data_dir::write_private(&path, text.as_bytes())
            .with_context(|| format!("failed to write {}", path.display()))?;
        outln!("{}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Every experiment, from the experiment manager (any node answers); why not, when it cannot be asked.
async fn experiments(config: &Config) -> Result<Vec<Experiment>, String> {
    let client = super::connect_nats(config, "shim-node report")
        .await
        .map_err(|error| format!("{error:#}"))?;
    let node = NodeClient::new(client, config.node_id.clone(), config.request_timeout());
    node.request_service::<_, ExperimentList>(&KaizenNames::live().subject(KaizenOp::List), &())
        .await
        .map(|list| list.experiments)
        .map_err(|error| error.to_string())
}

/// The report of `current`, compared with `previous_opt`, as Markdown.
fn markdown(
    current: &AnalyticsSummary,
    previous_opt: Option<&AnalyticsSummary>,
    loop_blocks: &[Block],
) -> String {
    let mut text = String::from("# SHIM report\n");
    for block in render::blocks(current, previous_opt)
        .into_iter()
        .chain(loop_blocks.iter().cloned())
    {
        text.push('\n');
        match block {
            Block::Heading(title) => {
                let _ = writeln!(text, "## {}", markdown_line(&title));
            }
            Block::Text(paragraph) => {
                let _ = writeln!(text, "{}", markdown_line(&paragraph));
            }
            Block::Bullets(lines) => {
                for line in lines {
                    let _ = writeln!(text, "- {}", markdown_line(&line));
                }
            }
            Block::Table(header, rows) => {
                let _ = writeln!(text, "| {} |", markdown_cells(&header));
                let _ = writeln!(text, "|{}", "---|".repeat(header.len()));
                for row in rows {
                    let _ = writeln!(text, "| {} |", markdown_cells(&row));
                }
            }
            // Markdown viewers differ in what they draw; the tables carry the same numbers.
            Block::Chart(..) => {
                text.pop();
            }
        }
    }
    text
}

/// The report of `current`, compared with `previous_opt`, as one HTML document (also well-formed XML).
fn html(
    current: &AnalyticsSummary,
    previous_opt: Option<&AnalyticsSummary>,
    loop_blocks: &[Block],
) -> String {
    let mut page = String::from(concat!(
        "<!DOCTYPE html>\n",
        "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n",
        "<meta charset=\"utf-8\"/>\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n",
        "<title>SHIM report</title>\n<style>\n",
        "body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; ",
        "color: #1d2330; }\n",
        "h1, h2 { font-weight: 600; } h2 { margin-top: 2rem; border-bottom: 1px solid #d8dce5; }\n",
        "table { border-collapse: collapse; margin: 0.5rem 0; }\n",
        "th, td { border: 1px solid #d8dce5; padding: 0.25rem 0.6rem; text-align: left; }\n",
        "th { background: #f2f4f8; }\n",
        "svg { display: block; margin: 0.75rem 0; font: 13px system-ui, sans-serif; }\n",
        "svg .title { font-weight: 600; } svg .bar { fill: #4a78c2; }\n",
        "</style>\n</head>\n<body>\n<h1>SHIM report</h1>\n",
    ));
    for block in render::blocks(current, previous_opt)
        .into_iter()
        .chain(loop_blocks.iter().cloned())
    {
        match block {
            Block::Heading(title) => {
                let _ = writeln!(page, "<h2>{}</h2>", escape(&title));
            }
            Block::Text(paragraph) => {
                let _ = writeln!(page, "<p>{}</p>", escape(&paragraph));
            }
            Block::Bullets(lines) => {
                page.push_str("<ul>\n");
                for line in lines {
                    let _ = writeln!(page, "<li>{}</li>", escape(&line));
                }
                page.push_str("</ul>\n");
            }
            Block::Table(header, rows) => {
                page.push_str("<table>\n<tr>");
                for cell in &header {
                    let _ = write!(page, "<th>{}</th>", escape(cell));
                }
                page.push_str("</tr>\n");
                for row in rows {
                    page.push_str("<tr>");
                    for cell in &row {
                        let _ = write!(page, "<td>{}</td>", escape(cell));
                    }
                    page.push_str("</tr>\n");
                }
                page.push_str("</table>\n");
            }
            Block::Chart(title, bars) => {
                page.push_str(&svg::bar_chart(&title, &bars));
                page.push('\n');
            }
        }
    }
    page.push_str("</body>\n</html>\n");
    page
}

/// Escapes text for HTML and SVG: element content and attribute values alike.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            // Control characters are not allowed in XML; a category name could carry one.
            character if character.is_control() && character != '\n' && character != '\t' => {
                escaped.push(' ')
            }
            character => escaped.push(character),
        }
    }
    escaped
}

/// One line of Markdown text: no line breaks, and the characters that would start markup inside a line
/// escaped.
fn markdown_line(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\n' | '\r' | '\t' => line.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' => {
                line.push('\\');
                line.push(character);
            }
            character if character.is_control() => line.push(' '),
            character => line.push(character),
        }
    }
    line
}

fn markdown_cells(cells: &[String]) -> String {
    cells
        .iter()
        .map(|cell| markdown_line(cell))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests;
