//! The user profile end to end: `shim-node profile set|reset|show` run as a person runs them, against a real
//! node on a real nats-server: each change reaches the router and is published, survives a restart, and what
//! the node learned from overrides is shown beside what was set.

use std::process::Output;

use tokio::process::Command;

use serde_json::Value;
use shim_protocol::{
    messages::{OverrideReply, OverrideRequest, RouteReply, RouteRequest},
    subject::{ROUTER_OVERRIDE, ROUTER_ROUTE},
};
use shim_tests::{DEADLINE, EventFeed, NatsServer, POLL, TestNode, wait_until};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// A prompt the built-in model sends to sonnet; its task type is `test`.
const TEST_PROMPT: &str = "Write unit tests for the parser in src/parse.rs covering empty input";

/// Runs `shim-node profile ARGS` as its own process (the node runs in this one: the wait must not block it).
async fn profile(node: &TestNode, args: &[&str]) -> Output {
    let config = node.config_ref();
    Command::new(EXE)
        .arg("profile")
        .args(args)
        .args(["--data-dir", &config.data_dir.display().to_string()])
        .args(["--nats-url", &config.nats_url])
        .args(["--node-id", node.node_id()])
        .output()
        .await
        .expect("shim-node profile runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

async fn route(node: &TestNode, prompt: &str) -> RouteReply {
    node.client()
        .await
        .request_service(
            ROUTER_ROUTE,
            &RouteRequest {
                prompt: prompt.to_owned(),
                strategy: None,
                chat_id: None,
            },
        )
        .await
        .expect("routes")
}

/// Waits until the router sends `prompt` to `model`.
async fn wait_for_model(node: &TestNode, prompt: &str, model: &str) -> RouteReply {
    let last_ref = std::sync::Mutex::new(None);
    let found = wait_until(
        || async {
            let reply = route(node, prompt).await;
            let done = reply.model == model;
            *last_ref.lock().expect("lock") = Some(reply);
            done
        },
        DEADLINE,
        POLL,
    )
    .await;
    let last = last_ref.into_inner().expect("lock");
    assert!(found, "never routed to {model}: {last:?}");
    last.expect("routed")
}

#[tokio::test]
async fn a_tier_set_in_the_profile_routes_the_running_nodes_prompts_until_it_is_reset() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let before = route(&node, TEST_PROMPT).await;
    assert_eq!(before.model, "sonnet", "{before:?}");
    let events = node.client().await;
    let mut feed = EventFeed::subscribe(events.nats(), "shim.events.profile.>").await;

    let set = profile(&node, &["set", "tier.test", "opus"]).await;
    assert!(set.status.success(), "{set:?}");
    assert_eq!(stdout(&set).trim(), "tier.test = opus");
    let after = wait_for_model(&node, TEST_PROMPT, "opus").await;
    assert!(
        after
            .reasoning
            .contains("your profile sets opus for test prompts"),
        "{}",
        after.reasoning
    );
    let (subject, event) = feed.next().await;
    assert_eq!(subject, "shim.events.profile.changed");
    assert_eq!(
        event["data"]["changes"][0],
        serde_json::json!({"key": "tier.test", "from": null, "to": "opus"}),
        "{event}"
    );

    // A restarted node reads it again.
    let node = node.restart().await;
    wait_for_model(&node, TEST_PROMPT, "opus").await;

    let reset = profile(&node, &["reset", "tier.test"]).await;
    assert!(reset.status.success(), "{reset:?}");
    assert_eq!(stdout(&reset).trim(), "tier.test: forgot opus");
    wait_for_model(&node, TEST_PROMPT, "sonnet").await;
    node.stop().await;
}

#[tokio::test]
async fn show_puts_what_was_learned_beside_what_was_set_and_bad_values_change_nothing() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    // Five overrides of design prompts to opus: the router learns a preference.
    for index in 0..5 {
        let _: OverrideReply = client
            .request_service(
                ROUTER_OVERRIDE,
                &OverrideRequest {
                    prompt: format!(
                        "Design the module boundaries for the billing service, variant {index}"
                    ),
                    recommended: "sonnet".to_owned(),
                    chosen: "opus".to_owned(),
                    reason: None,
                    chat_id: None,
                },
            )
            .await
            .expect("override recorded");
    }
    assert!(
        profile(&node, &["set", "hours", "9-18"])
            .await
            .status
            .success()
    );
    assert!(
        profile(&node, &["set", "latency_increase", "20%"])
            .await
            .status
            .success()
    );

    for (key, value, says) in [
        ("hours", "nine to five", "not hours like 9-18"),
        ("tier.cooking", "opus", "not a task type"),
        ("tier.test", "gpt-5", "haiku, sonnet or opus"),
        ("cost_increase", "2", "share from 0 to 1"),
        ("mood", "good", "not a profile key"),
    ] {
        let refused = profile(&node, &["set", key, value]).await;
        assert_eq!(refused.status.code(), Some(2), "{key} {value}: {refused:?}");
        let error = String::from_utf8_lossy(&refused.stderr);
        assert!(error.contains(says), "{key} {value}: {error}");
    }

    let shown = profile(&node, &["show", "--json"]).await;
    assert!(shown.status.success(), "{shown:?}");
    let shown: Value = serde_json::from_slice(&shown.stdout).expect("JSON");
    assert_eq!(shown["set"]["hours"], "09-18", "{shown}");
    assert_eq!(shown["set"]["latency_increase"], "0.2", "{shown}");
    assert_eq!(shown["in_force"]["latency_increase"], 0.2, "{shown}");
    assert!(shown["set"].get("cost_increase").is_none(), "{shown}");
    let learned = shown["learned_tiers"].as_array().expect("learned tiers");
    assert!(
        learned
            .iter()
            .any(|preference| preference["category"] == "design" && preference["tier"] == "opus"),
        "{shown}"
    );
    assert_eq!(shown["missing"], serde_json::json!([]), "{shown}");

    let text = stdout(&profile(&node, &["show"]).await);
    assert!(text.contains("learned from your overrides"), "{text}");
    assert!(
        text.contains("09-18") && text.contains("set by you"),
        "{text}"
    );

    let reset = profile(&node, &["reset"]).await;
    assert!(reset.status.success(), "{reset:?}");
    let shown: Value =
        serde_json::from_slice(&profile(&node, &["show", "--json"]).await.stdout).expect("JSON");
    assert_eq!(shown["set"], serde_json::json!({}), "{shown}");
    node.stop().await;
}

#[tokio::test]
async fn the_profiles_tolerances_are_the_kaizen_guardrails_margins() {
    use shim_protocol::{
        messages::{Experiment, ProposeRequest},
        subject::{KaizenNames, KaizenOp},
    };
    let nats = NatsServer::start();
    let (config, data_dir) = TestNode::config(&nats.url());
    let mut set = shim_node::profile::Profile::default();
    set.set("cost_increase", "1%").expect("set");
    set.set("latency_increase", "0.25").expect("set");
    shim_node::profile::save(&config.data_dir, &set).expect("saved");
    let node = TestNode::start_with(config, data_dir).await;
    let experiment: Experiment = node
        .client()
        .await
        .request_service(
            &KaizenNames::live().subject(KaizenOp::Propose),
            &ProposeRequest {
                parameter: "checkpoint.every_calls".to_owned(),
                treatment: 3.0,
                hypothesis: "checkpoints every 3 calls lose fewer".to_owned(),
                source: "detector:checkpoint-gap".to_owned(),
                baseline: Some(2.0),
                baseline_sd: Some(2.0),
                ..ProposeRequest::default()
            },
        )
        .await
        .expect("proposed");
    let margin = |name: &str| {
        experiment
            .guardrails
            .iter()
            .find(|guardrail| guardrail.metric.name == name)
            .map(|guardrail| guardrail.margin)
    };
    assert_eq!(margin("cost_usd"), Some(0.01), "{experiment:#?}");
    assert_eq!(margin("latency_ms"), Some(0.25), "{experiment:#?}");
    node.stop().await;
}
