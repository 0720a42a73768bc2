use super::*;
use crate::model_router::classifier::Driver;

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
fn strategies_lean_their_way_and_the_budget_and_minimum_tier_apply_after() {
    let models = TierModels::default();
    let set = dev_set();
    let with = |prompt: &str, options: RouteOptions| route(prompt, &models, &options).model;
    let (mut up, mut down, mut economized) = (0, 0, 0);
    for item in &set {
        let balanced = with(&item.prompt, RouteOptions::default());
        let quality = with(
            &item.prompt,
            RouteOptions {
                strategy: Strategy::Quality,
                ..RouteOptions::default()
            },
        );
        let cost = with(
            &item.prompt,
            RouteOptions {
                strategy: Strategy::Cost,
                ..RouteOptions::default()
            },
        );
        let economy = with(
            &item.prompt,
            RouteOptions {
                economize: true,
                ..RouteOptions::default()
            },
        );
        assert!(cost <= balanced && balanced <= quality, "{}", item.prompt);
        assert!(
            quality as usize - balanced as usize <= 1 && balanced as usize - cost as usize <= 1,
            "a strategy leans one tier at most: {}",
            item.prompt
        );
        assert!(economy <= balanced, "{}", item.prompt);
        if balanced == Tier::Opus {
            assert_eq!(
                economy,
                Tier::Opus,
                "opus is never economized: {}",
                item.prompt
            );
        }
        up += usize::from(quality > balanced);
        down += usize::from(cost < balanced);
        economized += usize::from(economy < balanced);
        let floor = with(
            &item.prompt,
            RouteOptions {
                strategy: Strategy::Cost,
                min_tier_opt: Some(Tier::Sonnet),
                ..RouteOptions::default()
            },
        );
        assert!(floor >= Tier::Sonnet, "the minimum tier applies last");
    }
    // Each lean decides some close calls and leaves the clear ones alone.
    eprintln!(
        "quality moved {up}, cost {down}, economize {economized} of {}",
        set.len()
    );
    assert!(up > 0 && up < set.len() / 2, "quality moved {up}");
    assert!(down > 0 && down < set.len() / 2, "cost moved {down}");
    assert!(economized > 0, "economize moved none");

    // A lean of the quality strategy's size moves the same close calls the strategy does; a negative one
    // those of the cost strategy; a small one fewer.
    let (mut leaned_up, mut leaned_down, mut nudged) = (0, 0, 0);
    for item in &set {
        let balanced = with(&item.prompt, RouteOptions::default());
        let lean = |lean: f64| {
            with(
                &item.prompt,
                RouteOptions {
                    lean,
                    ..RouteOptions::default()
                },
            )
        };
        let quality = with(
            &item.prompt,
            RouteOptions {
                strategy: Strategy::Quality,
                ..RouteOptions::default()
            },
        );
        let cost = with(
            &item.prompt,
            RouteOptions {
                strategy: Strategy::Cost,
                ..RouteOptions::default()
            },
        );
        assert_eq!(lean(STRATEGY_SHIFT), quality, "{}", item.prompt);
        assert_eq!(lean(-STRATEGY_SHIFT), cost, "{}", item.prompt);
        assert!(
            lean(f64::NAN) == balanced,
            "a lean that is not a number is none"
        );
        let small = lean(0.3);
        assert!(small >= balanced && small <= quality, "{}", item.prompt);
        leaned_up += usize::from(quality > balanced);
        leaned_down += usize::from(cost < balanced);
        nudged += usize::from(small > balanced);
    }
    assert!(
        nudged < leaned_up,
        "a small lean moves fewer ({nudged} of {leaned_up})"
    );
    assert!(leaned_down > 0);
    let moved = set
        .iter()
        .map(|item| {
            route(
                &item.prompt,
                &models,
                &RouteOptions {
                    lean: 1.1,
                    ..RouteOptions::default()
                },
            )
        })
        .find(|decision| decision.reasoning.contains("rather than"))
        .expect("some decision leaned");
    assert!(
        moved
            .reasoning
            .contains("a lean of +1.10 from the routing parameters"),
        "the reasoning says why: {}",
        moved.reasoning
    );
    let cheaper = set
        .iter()
        .map(|item| {
            route(
                &item.prompt,
                &models,
                &RouteOptions {
                    strategy: Strategy::Cost,
                    ..RouteOptions::default()
                },
            )
        })
        .find(|decision| decision.reasoning.contains("rather than"))
        .expect("some decision moved");
    assert!(
        cheaper.reasoning.contains("; cost strategy: ") && !cheaper.reasoning.contains("lean"),
        "{}",
        cheaper.reasoning
    );

    let prompt = "Write unit tests for src/parse.rs covering empty input";
    // Without the user's bias the model does not send it to opus.
    assert_ne!(
        route(prompt, &models, &RouteOptions::default()).model,
        Tier::Opus
    );
    let learned = route(
        prompt,
        &models,
        &RouteOptions {
            learned_opt: Some(Learned {
                shift: [-5.0, 0.0, 5.0],
                toward: Tier::Opus,
                overrides: 7,
            }),
            ..RouteOptions::default()
        },
    );
    assert_eq!(learned.model, Tier::Opus);
    assert!(
        learned
            .reasoning
            .contains("your overrides prefer opus for test prompts (7 overrides)"),
        "{}",
        learned.reasoning
    );
    // A forced tier still wins over everything.
    let forced = route(
        &format!("@haiku {prompt}"),
        &models,
        &RouteOptions {
            strategy: Strategy::Quality,
            min_tier_opt: Some(Tier::Sonnet),
            ..RouteOptions::default()
        },
    );
    assert_eq!((forced.model, forced.overridden), (Tier::Haiku, true));
}

#[test]
fn the_reasoning_names_the_features_that_drove_the_decision() {
    let drivers = |list: &[(&str, Tier)]| {
        list.iter()
            .enumerate()
            .map(|(index, (feature, tier))| Driver {
                feature: (*feature).to_owned(),
                tier: *tier,
                weight: 1.0 / (index + 1) as f64,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        explain(
            Tier::Opus,
            0.812,
            &drivers(&[
                ("'plan how'", Tier::Opus),
                ("'rename'", Tier::Haiku),
                ("'across services'", Tier::Opus),
                ("no code pasted", Tier::Opus),
                ("'services'", Tier::Opus),
            ])
        ),
        "opus (0.81): 'plan how', 'across services', no code pasted"
    );
    assert_eq!(
        explain(Tier::Sonnet, 0.45, &drivers(&[("'rename'", Tier::Haiku)])),
        "sonnet (0.45): no strong feature for it; strongest 'rename' (towards haiku)"
    );
    assert_eq!(
        explain(Tier::Sonnet, 0.5, &[]),
        "sonnet (0.50): no feature stood out"
    );
    // In a real decision: the drivers the classifier reports for the chosen tier, strongest first.
    for prompt in [
        "Plan how to introduce feature flags across our services without a big-bang release",
        "What is a mutex?",
        "Write unit tests for src/parse.rs covering empty input",
    ] {
        let prepared = prepare(prompt);
        let drivers = prepared.scored.drivers.clone();
        let decision = decide(prepared, &TierModels::default(), &RouteOptions::default());
        let prefix = format!("{} ({:.2}): ", decision.model, decision.confidence);
        assert!(
            decision.reasoning.starts_with(&prefix),
            "{}",
            decision.reasoning
        );
        if let Some(top) = drivers.iter().find(|driver| driver.tier == decision.model) {
            assert!(
                decision.reasoning[prefix.len()..].starts_with(&top.feature),
                "{prompt}: {} {drivers:?}",
                decision.reasoning
            );
        }
    }
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
