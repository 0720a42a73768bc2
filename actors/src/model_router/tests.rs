use ractor::{Actor, ActorRef, call_t};
use shim_protocol::messages::OverrideRequest;

use super::*;
use crate::publisher::RecordingPublisher;

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
async fn five_consistent_overrides_change_how_the_category_is_routed() {
    let publisher = RecordingPublisher::default();
    let router = spawn(&publisher, RoutingSettings::default()).await;
    let prompt = "Write unit tests for the parser in src/parse.rs covering empty input";
    let prepared = prepare(prompt);
    let category = prepared.category();
    let context =
        call_t!(router, ModelRouterMessage::Context, 2_000, category.clone()).expect("context");
    assert_eq!(context.learned_opt, None);
    let baseline = router::decide(prepared, &context.models, &router::RouteOptions::default());
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
            }
        )
        .expect("answers")
        .expect("records");
        assert_eq!(reply.category, category);
        assert_eq!(
            reply.adopted.is_some(),
            index == 5,
            "adopted only at the fifth: {reply:?}"
        );
    }
    let context =
        call_t!(router, ModelRouterMessage::Context, 2_000, category.clone()).expect("context");
    assert_eq!(context.learned_opt, Some(Tier::Opus));
    let adopted = publisher.of_kind("routing.preference_adopted");
    assert_eq!(adopted.len(), 1);
    assert!(
        adopted[0].data["evidence"]
            .as_str()
            .is_some_and(|evidence| evidence.contains("5 overrides"))
    );

    // Reversible.
    let forgotten = call_t!(router, ModelRouterMessage::Forget, 2_000, category.clone())
        .expect("answers")
        .expect("forgets");
    assert_eq!(forgotten, Some(Tier::Opus));
    let context = call_t!(router, ModelRouterMessage::Context, 2_000, category).expect("context");
    assert_eq!(context.learned_opt, None);
    assert_eq!(publisher.of_kind("routing.preference_reverted").len(), 1);

    let bad = call_t!(
        router,
        ModelRouterMessage::Override,
        2_000,
        OverrideRequest {
            prompt: "x".to_owned(),
            recommended: "gpt".to_owned(),
            chosen: "opus".to_owned(),
            reason: None
        }
    )
    .expect("answers");
    assert!(matches!(bad, Err(WireError::BadRequest { .. })));
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
