use super::*;

fn dev_set() -> Vec<LabelledPrompt> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/routing_dev.jsonl");
    std::fs::read_to_string(&path)
        .expect("development set")
        .lines()
        .map(|line| serde_json::from_str(line).expect("labelled prompt"))
        .collect()
}

#[test]
fn the_development_set_is_routed_within_the_targets() {
    let set = dev_set();
    assert!(set.len() >= 150);
    let evaluation = evaluate(&set, &TierModels::default());
    for (prompt, label, routed) in &evaluation.misses {
        eprintln!(
            "{label} -> {routed}: {}",
            prompt.lines().next().unwrap_or_default()
        );
    }
    eprintln!(
        "exact {:.1}% under {:.1}% over {:.1}% cost vs opus {:.1}% vs sonnet {:.1}%",
        evaluation.exact * 100.0,
        evaluation.under * 100.0,
        evaluation.over * 100.0,
        evaluation.cost_vs_opus * 100.0,
        evaluation.cost_vs_sonnet * 100.0
    );
    assert!(evaluation.exact >= 0.85, "exact {:.3}", evaluation.exact);
    assert!(evaluation.under <= 0.05, "under {:.3}", evaluation.under);
}

#[test]
fn overrides_are_whole_words_removed_before_analysis() {
    assert_eq!(
        take_override("@opus what is 2+2?"),
        (Some(Tier::Opus), "what is 2+2?".to_owned())
    );
    assert_eq!(
        take_override("explain this, @haiku."),
        (Some(Tier::Haiku), "explain this,".to_owned())
    );
    assert_eq!(
        take_override("mail me@opus.dev"),
        (None, "mail me@opus.dev".to_owned())
    );
    assert_eq!(take_override("@gpt do it").0, None);
    let decision = route(
        "@opus what is 2+2?",
        &TierModels::default(),
        &RouteOptions::default(),
    );
    assert_eq!(
        (decision.model, decision.overridden, decision.confidence),
        (Tier::Opus, true, 1.0)
    );
    assert_eq!(
        decision.complexity,
        Complexity::Simple,
        "analysed without the override"
    );
}

#[test]
fn strategies_minimum_tier_and_budget_move_the_tier_within_their_rules() {
    let models = TierModels::default();
    let medium = "Write unit tests for src/parse.rs covering empty input";
    let with = |options: RouteOptions| route(medium, &models, &options).model;
    assert_eq!(with(RouteOptions::default()), Tier::Sonnet);
    assert_eq!(
        with(RouteOptions {
            strategy: Strategy::Cost,
            ..RouteOptions::default()
        }),
        Tier::Haiku
    );
    assert_eq!(
        with(RouteOptions {
            strategy: Strategy::Quality,
            ..RouteOptions::default()
        }),
        Tier::Opus
    );
    assert_eq!(
        with(RouteOptions {
            economize: true,
            ..RouteOptions::default()
        }),
        Tier::Haiku
    );
    assert_eq!(
        with(RouteOptions {
            strategy: Strategy::Cost,
            min_tier_opt: Some(Tier::Sonnet),
            ..RouteOptions::default()
        }),
        Tier::Sonnet,
        "the minimum tier applies last"
    );
    assert_eq!(
        with(RouteOptions {
            learned_opt: Some(Tier::Opus),
            ..RouteOptions::default()
        }),
        Tier::Opus
    );
    // A complex prompt is never economized.
    let design = "Design a lock-free MPMC queue in Rust.";
    assert_eq!(
        route(
            design,
            &models,
            &RouteOptions {
                economize: true,
                ..RouteOptions::default()
            }
        )
        .model,
        Tier::Opus
    );
}

#[test]
fn low_confidence_falls_back_to_the_middle_tier() {
    // Two words, a design marker below the complex threshold and some named work: judged simple, but
    // with little confidence.
    let prepared = prepare("Design and add it");
    assert_eq!(prepared.judgement.complexity, Complexity::Simple);
    assert!(
        prepared.judgement.confidence < LOW_CONFIDENCE,
        "{:?}",
        prepared.judgement
    );
    let decision = decide(prepared, &TierModels::default(), &RouteOptions::default());
    assert_eq!(decision.model, Tier::Sonnet);
    assert!(
        decision.reasoning.contains("low confidence"),
        "{}",
        decision.reasoning
    );
    // A confident simple prompt stays on haiku.
    assert_eq!(
        route(
            "What is a mutex?",
            &TierModels::default(),
            &RouteOptions::default()
        )
        .model,
        Tier::Haiku
    );
}

#[test]
fn costs_follow_prices_tokens_and_task_type() {
    let models = TierModels::default();
    assert!((models.cost(Tier::Opus, 1_000_000, 0) - 5.0).abs() < 1e-9);
    assert!((models.cost(Tier::Haiku, 0, 1_000_000) - 5.0).abs() < 1e-9);
    let decision = route(
        "Design the architecture of a multi-region event store and justify it",
        &models,
        &RouteOptions::default(),
    );
    assert_eq!(decision.model, Tier::Opus);
    assert!(
        decision.estimated_output_tokens > estimated_output_tokens("explain", Complexity::Simple)
    );
    let expected = models.cost(
        Tier::Opus,
        decision.estimated_input_tokens,
        decision.estimated_output_tokens,
    );
    assert!((decision.estimated_cost_usd - expected).abs() < 1e-12);
    let tiers: Vec<Tier> = decision
        .alternatives
        .iter()
        .map(|alternative| alternative.model)
        .collect();
    assert_eq!(tiers, [Tier::Haiku, Tier::Sonnet]);
    assert!(
        decision
            .alternatives
            .iter()
            .all(|alternative| alternative.estimated_cost_usd < decision.estimated_cost_usd)
    );
}
