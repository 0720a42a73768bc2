//! `shim-node route`: route a prompt (through any node's router service), evaluate the router on a labelled
//! set, or forget what it learned for a category.

use std::{io::Read, path::Path, process::ExitCode};

use anyhow::Context;
use shim_actors::model_router::router::{LabelledPrompt, Tier, evaluate};
use shim_protocol::{
    messages::{RouteReply, RouteRequest},
    subject::ROUTER_ROUTE,
};

use crate::{config::Config, mcp::tools::RouteOutput, router_service::ROUTER_FORGET};

pub(super) async fn route(
    config: &Config,
    prompt_opt: Option<String>,
    strategy_opt: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let prompt = match prompt_opt {
        Some(prompt) => prompt,
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .context("failed to read the prompt from stdin")?;
            text
        }
    };
    if prompt.trim().is_empty() {
        anyhow::bail!("no prompt: give it as an argument or on stdin");
    }
    let reply: RouteReply = super::node_client(config, "shim-node route")
        .await?
        .request_service(
            ROUTER_ROUTE,
            &RouteRequest {
                prompt,
                strategy: strategy_opt,
                chat_id: None,
            },
        )
        .await?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&RouteOutput::from(reply))?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} ({}) · confidence {:.2} · ~${:.4} for ~{} in / {} out tokens",
        reply.model,
        reply.model_id,
        reply.confidence,
        reply.estimated_cost_usd,
        reply.estimated_input_tokens,
        reply.estimated_output_tokens
    );
    println!("  why: {}", reply.reasoning);
    println!("  task: {} ({})", reply.task_type, reply.complexity);
    for alternative in &reply.alternatives {
        println!(
            "  {:<6} ~${:.4}",
            alternative.model, alternative.estimated_cost_usd
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn eval(config: &Config, path: &Path, json: bool) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("failed to read {}", path.display()))?;
    let mut set = Vec::new();
    for (index, line) in text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
    {
        let item: LabelledPrompt = serde_json::from_str(line).with_context(|| {
            format!(
                "{}:{}: expected {{\"prompt\": ..., \"label\": \"haiku|sonnet|opus\"}}",
                path.display(),
                index + 1
            )
        })?;
        set.push(item);
    }
    if set.is_empty() {
        anyhow::bail!("{} has no labelled prompts", path.display());
    }
    let evaluation = evaluate(&set, &config.routing.models);
    if json {
        println!("{}", serde_json::to_string_pretty(&evaluation)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("prompts        {}", evaluation.prompts);
    println!("exact          {:.1}%", evaluation.exact * 100.0);
    println!(
        "under-routed   {:.1}%  (a weaker tier than the label)",
        evaluation.under * 100.0
    );
    println!("over-routed    {:.1}%", evaluation.over * 100.0);
    println!(
        "cost vs opus   {:.1}%  (of sending everything to opus)",
        evaluation.cost_vs_opus * 100.0
    );
    println!("cost vs sonnet {:.1}%", evaluation.cost_vs_sonnet * 100.0);
    println!("\nlabel \\ routed  haiku  sonnet   opus");
    for label in Tier::ALL {
        let count = |routed: Tier| {
            evaluation
                .confusion
                .iter()
                .find(|(l, r, _)| *l == label && *r == routed)
                .map_or(0, |(_, _, count)| *count)
        };
        println!(
            "{:<14} {:>6} {:>7} {:>6}",
            label.as_str(),
            count(Tier::Haiku),
            count(Tier::Sonnet),
            count(Tier::Opus)
        );
    }
    if !evaluation.misses.is_empty() {
        println!("\nmisses:");
        for (prompt, label, routed) in &evaluation.misses {
            let first_line: String = prompt
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(100)
                .collect();
            println!("  {label} -> {routed}: {first_line}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) async fn forget(config: &Config, category: String) -> anyhow::Result<ExitCode> {
    let previous: Option<String> = super::node_client(config, "shim-node route")
        .await?
        .request_service(ROUTER_FORGET, &category)
        .await?;
    match previous {
        Some(tier) => println!("{category}: forgot the learned preference for {tier}"),
        None => println!("{category}: nothing was learned"),
    }
    Ok(ExitCode::SUCCESS)
}
