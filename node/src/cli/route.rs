//! `shim-node route`: route a prompt (through any node's router service, else here with the configured
//! defaults), evaluate the router on a labelled set, list what it learned from the user's overrides, or forget
//! it for a category.

use std::{io::Read, path::Path, process::ExitCode};

use anyhow::Context;
use shim_actors::model_router::{
    router::{LabelledPrompt, RouteOptions, Strategy, Tier, decide, evaluate, prepare},
    to_reply,
};
use shim_protocol::{
    messages::{LearnedPreference, RouteReply, RouteRequest},
    subject::{ROUTER_FORGET, ROUTER_LEARNED, ROUTER_ROUTE},
};

use super::exit::{UsageError, is_no_node};
use crate::config::Config;

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
        return Err(UsageError("no prompt: give it as an argument or on stdin".to_owned()).into());
    }
    let reply = match route_on_node(config, &prompt, strategy_opt.clone()).await {
        Ok(reply) => reply,
        Err(error) if is_no_node(&error) => {
            eprintln!(
                "note: no shim-node answered, so this is the router's defaults from the config: learned \
                 preferences and spend limits were not applied"
            );
            route_here(config, &prompt, strategy_opt.as_deref())
        }
        Err(error) => return Err(error),
    };
    if json {
        outln!("{}", serde_json::to_string_pretty(&reply)?);
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{} ({}) · confidence {:.2} · ~${:.4} for ~{} in / {} out tokens",
        reply.model,
        reply.model_id,
        reply.confidence,
        reply.estimated_cost_usd,
        reply.estimated_input_tokens,
        reply.estimated_output_tokens
    );
    outln!("  why: {}", reply.reasoning);
    outln!("  task: {} ({})", reply.task_type, reply.complexity);
    for alternative in &reply.alternatives {
        outln!(
            "  {:<6} ~${:.4}",
            alternative.model,
            alternative.estimated_cost_usd
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn route_on_node(
    config: &Config,
    prompt: &str,
    strategy_opt: Option<String>,
) -> anyhow::Result<RouteReply> {
    Ok(super::node_client(config, "shim-node route")
        .await?
        .request_service(
            ROUTER_ROUTE,
            &RouteRequest {
                prompt: prompt.to_owned(),
                strategy: strategy_opt,
                chat_id: None,
            },
        )
        .await?)
}

/// Routes as a node would with nothing learned and no spend recorded: the configured minimum tier and
/// models, the profile's tiers, the given strategy.
fn route_here(config: &Config, prompt: &str, strategy_opt: Option<&str>) -> RouteReply {
    let prepared = prepare(prompt);
    let preferred_opt = crate::profile::load(&config.data_dir)
        .ok()
        .and_then(|profile| profile.tiers.get(&prepared.category()).copied());
    let options = RouteOptions {
        strategy: strategy_opt
            .and_then(Strategy::parse)
            .unwrap_or(Strategy::Balanced),
        min_tier_opt: Some(config.routing.min_tier.unwrap_or(Tier::Haiku)),
        learned_opt: None,
        preferred_opt,
        economize: false,
        lean: 0.0,
    };
    to_reply(&decide(prepared, &config.routing.models, &options), None)
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
        outln!("{}", serde_json::to_string_pretty(&evaluation)?);
        return Ok(ExitCode::SUCCESS);
    }
    outln!("prompts        {}", evaluation.prompts);
    outln!("exact          {:.1}%", evaluation.exact * 100.0);
    outln!(
        "under-routed   {:.1}%  (a weaker tier than the label)",
        evaluation.under * 100.0
    );
    outln!("over-routed    {:.1}%", evaluation.over * 100.0);
    outln!(
        "cost vs opus   {:.1}%  (of sending everything to opus)",
        evaluation.cost_vs_opus * 100.0
    );
    outln!("cost vs sonnet {:.1}%", evaluation.cost_vs_sonnet * 100.0);
    outln!("\nlabel \\ routed  haiku  sonnet   opus");
    for label in Tier::ALL {
        let count = |routed: Tier| evaluation.confusion[label as usize][routed as usize];
        outln!(
            "{:<14} {:>6} {:>7} {:>6}",
            label.as_str(),
            count(Tier::Haiku),
            count(Tier::Sonnet),
            count(Tier::Opus)
        );
    }
    if !evaluation.misses.is_empty() {
        outln!("\nmisses:");
        for (prompt, label, routed) in &evaluation.misses {
            let first_line: String = prompt
                .lines()
                .next()
                .unwrap_or_default()
                .chars()
                .take(100)
                .collect();
            outln!("  {label} -> {routed}: {first_line}");
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
        Some(tier) => outln!("{category}: forgot the learned preference for {tier}"),
        None => outln!("{category}: nothing was learned"),
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) async fn learned(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let learned: Vec<LearnedPreference> = super::node_client(config, "shim-node route")
        .await?
        .request_service(ROUTER_LEARNED, &())
        .await?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&learned)?);
        return Ok(ExitCode::SUCCESS);
    }
    if learned.is_empty() {
        outln!("nothing learned from overrides yet");
    }
    for preference in &learned {
        outln!(
            "{}: towards {} ({})",
            preference.category,
            preference.tier,
            preference.evidence
        );
    }
    Ok(ExitCode::SUCCESS)
}
