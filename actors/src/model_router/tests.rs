use ractor::{Actor, ActorRef, call_t};
use shim_protocol::messages::{OverrideRequest, RouteRequest};

use super::*;
use crate::publisher::RecordingPublisher;
use router::prepare;

async fn spawn(
    publisher: &RecordingPublisher,
    settings: RoutingSettings,
) -> ActorRef<ModelRouterMessage> {
    let args = ModelRouterArgs {
        emitter: EventEmitter::new("test-node", std::sync::Arc::new(publisher.clone())),
        metrics: ActorMetrics::noop(),
        settings,
        db: sled::Config::new().temporary(true).open().expect("db"),
    };
    Actor::spawn(None, ModelRouter, args)
        .await
        .expect("spawns")
        .0
}

#[tokio::test]
async fn five_consistent_overrides_shift_how_the_category_is_routed() {
    let publisher = RecordingPublisher::default();
    let router = spawn(&publisher, RoutingSettings::default()).await;
    let prompt = "Write unit tests for the parser in src/parse.rs covering empty input";
    let prepared = prepare(prompt);
    let category = prepared.category();
    assert_eq!(category, "test");
    let context =
        call_t!(router, ModelRouterMessage::Context, 2_000, category.clone()).expect("context");
    assert_eq!(context.learned_opt, None);
    let baseline = router::decide(
        prepared.clone(),
        &context.models,
        &router::RouteOptions::default(),
    );
    assert_eq!(baseline.model, Tier::Sonnet);

    for index in 1..=5u64 {
        let reply = call_t!(
            router,
            ModelRouterMessage::Override,
            2_000,
            OverrideRequest {
                prompt: format!("{prompt} (variant {index})"),
                recommended: "sonnet".to_owned(),
                chosen: "opus".to_owned(),
                reason: Some("tests need care".to_owned()),
                chat_id: None,
            }
        )
        .expect("answers")
        .expect("records");
        assert_eq!(reply.category, category);
        assert_eq!(
            reply.adopted.as_deref(),
            (index == 5).then_some("opus"),
            "a bias only from the fifth: {reply:?}"
        );
    }
    let context =
        call_t!(router, ModelRouterMessage::Context, 2_000, category.clone()).expect("context");
    let learned = context.learned_opt.expect("a bias for the category");
    assert_eq!((learned.toward, learned.overrides), (Tier::Opus, 5));
    let shifted = router::decide(
        prepared.clone(),
        &context.models,
        &router::RouteOptions {
            learned_opt: Some(learned),
            ..router::RouteOptions::default()
        },
    );
    assert_eq!(shifted.model, Tier::Opus, "{shifted:?}");
    assert_eq!(
        shifted.complexity, baseline.complexity,
        "the built-in model's judgement is unchanged"
    );
    let adopted = publisher.of_kind("routing.preference_adopted");
    assert_eq!(adopted.len(), 1);
    assert_eq!(adopted[0].data["overrides"], 5);
    assert!(
        adopted[0].data["shift"]["opus"].as_f64() > adopted[0].data["shift"]["sonnet"].as_f64()
    );
    assert!(
        adopted[0].data["evidence"]
            .as_str()
            .is_some_and(|evidence| evidence.starts_with("5 overrides (5 to opus)")),
        "{:?}",
        adopted[0].data
    );

    // Reversible.
    let forgotten = call_t!(router, ModelRouterMessage::Forget, 2_000, category.clone())
        .expect("answers")
        .expect("forgets");
    assert_eq!(forgotten, Some(Tier::Opus));
    let context = call_t!(router, ModelRouterMessage::Context, 2_000, category).expect("context");
    assert_eq!(context.learned_opt, None);
    let reverted = publisher.of_kind("routing.preference_reverted");
    assert_eq!(reverted.len(), 1);
    assert_eq!(reverted[0].data["reason"], "reset by the user");
    let unknown = call_t!(
        router,
        ModelRouterMessage::Forget,
        2_000,
        "test/medium".to_owned()
    )
    .expect("answers");
    assert!(
        matches!(&unknown, Err(ModelRouterError::UnknownCategory { name }) if name == "test/medium"),
        "{unknown:?}"
    );

    let bad = call_t!(
        router,
        ModelRouterMessage::Override,
        2_000,
        OverrideRequest {
            prompt: "x".to_owned(),
            recommended: "gpt".to_owned(),
            chosen: "opus".to_owned(),
            reason: None,
            chat_id: None
        }
    )
    .expect("answers");
    assert!(
        matches!(&bad, Err(ModelRouterError::UnknownTier { field: "recommended", value }) if value == "gpt"),
        "{bad:?}"
    );
    // An override of an empty prompt is refused as a routing request of one is: it would teach from nothing.
    let empty = call_t!(
        router,
        ModelRouterMessage::Override,
        2_000,
        OverrideRequest {
            prompt: " \n ".to_owned(),
            recommended: "sonnet".to_owned(),
            chosen: "opus".to_owned(),
            reason: None,
            chat_id: None
        }
    )
    .expect("answers");
    assert!(
        matches!(empty, Err(ModelRouterError::EmptyPrompt)),
        "{empty:?}"
    );
}

#[tokio::test]
async fn the_actor_routes_and_counts_each_decision() {
    let publisher = RecordingPublisher::default();
    let router = spawn(&publisher, RoutingSettings::default()).await;
    let request = |prompt: &str, strategy: Option<&str>| RouteRequest {
        prompt: prompt.to_owned(),
        strategy: strategy.map(str::to_owned),
        chat_id: Some("chat-1".to_owned()),
    };
    let prompt = "Write unit tests for the parser in src/parse.rs covering empty input";
    let reply = call_t!(
        router,
        ModelRouterMessage::Route,
        2_000,
        request(prompt, None)
    )
    .expect("answers")
    .expect("routes");
    let expected = to_reply(
        &router::route(
            prompt,
            &TierModels::default(),
            &router::RouteOptions {
                min_tier_opt: Some(Tier::Haiku),
                ..router::RouteOptions::default()
            },
        ),
        None,
    );
    assert_eq!(
        reply, expected,
        "the actor decides as the pure function does"
    );
    // The decision reaches the mailbox (to be counted and published) before its answer reaches the caller,
    // so the caller's next question is answered after it.
    let _ = call_t!(router, ModelRouterMessage::Context, 2_000, "x".to_owned()).expect("context");
    let decided = publisher.of_kind("routing.decided");
    assert_eq!(decided.len(), 1, "{decided:?}");
    assert_eq!(decided[0].chat_id.as_deref(), Some("chat-1"));

    // A long prompt is analysed off the mailbox, and decided and counted the same way.
    let long = format!(
        "{prompt}\n{}",
        "fn parse(input: &str) -> Ast { Ast::default() }\n".repeat(120)
    );
    assert!(long.len() > route::INLINE_PROMPT_BYTES);
    let reply = call_t!(
        router,
        ModelRouterMessage::Route,
        2_000,
        request(&long, None)
    )
    .expect("answers")
    .expect("routes");
    let expected = to_reply(
        &router::route(
            &long,
            &TierModels::default(),
            &router::RouteOptions {
                min_tier_opt: Some(Tier::Haiku),
                ..router::RouteOptions::default()
            },
        ),
        None,
    );
    assert_eq!(reply, expected);
    let _ = call_t!(router, ModelRouterMessage::Context, 2_000, "x".to_owned()).expect("context");
    assert_eq!(publisher.of_kind("routing.decided").len(), 2);

    for (bad, check) in [
        (request("   ", None), "empty"),
        (request(prompt, Some("cheapest")), "strategy"),
        (
            RouteRequest {
                chat_id: Some("a.b".to_owned()),
                ..request(prompt, None)
            },
            "id",
        ),
        (request(&"x".repeat(MAX_PROMPT_BYTES + 1), None), "size"),
    ] {
        let result = call_t!(router, ModelRouterMessage::Route, 2_000, bad).expect("answers");
        let matched = match check {
            "empty" => matches!(result, Err(ModelRouterError::EmptyPrompt)),
            "strategy" => {
                matches!(&result, Err(ModelRouterError::UnknownStrategy { name }) if name == "cheapest")
            }
            "id" => matches!(result, Err(ModelRouterError::InvalidId(_))),
            _ => matches!(
                result,
                Err(ModelRouterError::PromptTooLarge {
                    limit: MAX_PROMPT_BYTES,
                    ..
                })
            ),
        };
        assert!(matched, "{check}: {result:?}");
    }
    assert_eq!(
        publisher.of_kind("routing.decided").len(),
        2,
        "refusals are not decisions"
    );
}

#[tokio::test]
async fn spend_near_a_limit_is_reported_in_the_context() {
    let publisher = RecordingPublisher::default();
    let settings = RoutingSettings {
        budget: Budget {
            daily_limit_usd: Some(0.01),
            weekly_limit_usd: None,
            near_share: None,
        },
        ..RoutingSettings::default()
    };
    let router = spawn(&publisher, settings).await;
    router
        .send_message(ModelRouterMessage::ActualSpend(0.009))
        .expect("sent");
    router
        .send_message(ModelRouterMessage::Flush)
        .expect("sent");
    let context = call_t!(
        router,
        ModelRouterMessage::Context,
        2_000,
        "explain/simple".to_owned()
    )
    .expect("context");
    assert!(
        context
            .budget_note_opt
            .as_deref()
            .is_some_and(|note| note.contains("daily")),
        "{:?}",
        context.budget_note_opt
    );
    assert_eq!(publisher.of_kind("routing.budget_near").len(), 1);
}

#[tokio::test]
async fn overrides_of_long_prompts_are_scored_off_the_mailbox_and_learned_the_same() {
    let publisher = RecordingPublisher::default();
    let router = spawn(&publisher, RoutingSettings::default()).await;
    let code = "fn parse(input: &str) -> Ast { Ast::default() }\n".repeat(120);
    let prompt = |index: usize| {
        format!(
            "Write unit tests for the parser below, case {index}, covering empty input\n```rust\n{code}```"
        )
    };
    assert!(prompt(0).len() > route::INLINE_PROMPT_BYTES);
    let expected = overrides::ScoredPrompt::of(&prompt(0));
    assert_eq!(expected.category, "test");
    for index in 1..=5 {
        let reply = call_t!(
            router,
            ModelRouterMessage::Override,
            5_000,
            OverrideRequest {
                prompt: prompt(index),
                recommended: "sonnet".to_owned(),
                chosen: "opus".to_owned(),
                reason: None,
                chat_id: None,
            }
        )
        .expect("answers")
        .expect("records");
        assert_eq!(
            (reply.category.as_str(), reply.overrides),
            ("test", index as u64)
        );
        assert_eq!(reply.adopted.as_deref(), (index == 5).then_some("opus"));
    }
    assert_eq!(publisher.of_kind("routing.override").len(), 5);
    assert_eq!(publisher.of_kind("routing.preference_adopted").len(), 1);
}

#[tokio::test]
async fn the_profiles_tiers_decide_their_categories_and_its_weekly_spend_is_a_limit() {
    let publisher = RecordingPublisher::default();
    let router = spawn(&publisher, RoutingSettings::default()).await;
    let route = |prompt: &str| RouteRequest {
        prompt: prompt.to_owned(),
        strategy: None,
        chat_id: None,
    };
    let test_prompt = "Write unit tests for the parser in src/parse.rs covering empty input";
    let before = call_t!(router, ModelRouterMessage::Route, 2_000, route(test_prompt))
        .expect("answers")
        .expect("routes");
    assert_eq!(before.model, "sonnet", "{before:?}");

    router
        .send_message(ModelRouterMessage::Preferences {
            tiers: BTreeMap::from([("test".to_owned(), Tier::Opus)]),
            weekly_limit_usd: Some(0.01),
        })
        .expect("sent");
    let after = call_t!(router, ModelRouterMessage::Route, 2_000, route(test_prompt))
        .expect("answers")
        .expect("routes");
    assert_eq!(after.model, "opus", "{after:?}");
    assert!(
        after
            .reasoning
            .contains("your profile sets opus for test prompts: opus rather than sonnet"),
        "{}",
        after.reasoning
    );
    // A tier named in the prompt still wins; other categories are untouched.
    let named = call_t!(
        router,
        ModelRouterMessage::Route,
        2_000,
        route(&format!("{test_prompt} @haiku"))
    )
    .expect("answers")
    .expect("routes");
    assert_eq!(named.model, "haiku");
    let other = call_t!(
        router,
        ModelRouterMessage::Route,
        2_000,
        route("What does this regex match: ^a+$")
    )
    .expect("answers")
    .expect("routes");
    assert!(
        !other.reasoning.contains("your profile"),
        "{}",
        other.reasoning
    );
    // The weekly spend the profile accepts is a limit: near it, the router says so.
    router
        .send_message(ModelRouterMessage::ActualSpend(0.009))
        .expect("sent");
    router
        .send_message(ModelRouterMessage::Flush)
        .expect("sent");
    let context = call_t!(
        router,
        ModelRouterMessage::Context,
        2_000,
        "test".to_owned()
    )
    .expect("context");
    assert!(
        context
            .budget_note_opt
            .as_deref()
            .is_some_and(|note| note.contains("week")),
        "{:?}",
        context.budget_note_opt
    );
    // Reset: the model decides again.
    router
        .send_message(ModelRouterMessage::Preferences {
            tiers: BTreeMap::new(),
            weekly_limit_usd: None,
        })
        .expect("sent");
    let reset = call_t!(router, ModelRouterMessage::Route, 2_000, route(test_prompt))
        .expect("answers")
        .expect("routes");
    assert_eq!(reset.model, "sonnet", "{reset:?}");
}
