//! The model router over NATS: a service in a queue group that any node answers, learning from overrides
//! (kept across restarts), bad input, and the MCP and command-line faces.

use std::{path::Path, time::Duration};

use tokio::{io::AsyncWriteExt, process::Command};

use futures::StreamExt;
use serde_json::{Value, json};
use shim_actors::model_router::router::{
    self, LabelledPrompt, RouteOptions, Strategy, Tier, TierModels,
};
use shim_node::nats::ClientError;
use shim_protocol::{
    WireError,
    messages::{OverrideReply, OverrideRequest, RouteReply, RouteRequest},
    subject::{ROUTER_OVERRIDE, ROUTER_ROUTE},
};
use shim_tests::{DEADLINE, EventFeed, NatsServer, POLL, TestNode, node::metric_value, wait_until};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

async fn route(
    client: &shim_node::nats::NodeClient,
    prompt: &str,
    strategy: Option<&str>,
) -> Result<RouteReply, ClientError> {
    client
        .request_service(
            ROUTER_ROUTE,
            &RouteRequest {
                prompt: prompt.to_owned(),
                strategy: strategy.map(str::to_owned),
                chat_id: None,
            },
        )
        .await
}

/// A development-set prompt the cost strategy routes to a cheaper tier, with both tiers (decided in-process).
fn lean_down_example() -> (String, Tier, Tier) {
    let set = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/routing_dev.jsonl"),
    )
    .expect("development set");
    let models = TierModels::default();
    set.lines()
        .filter_map(|line| serde_json::from_str::<LabelledPrompt>(line).ok())
        .find_map(|item| {
            let with = |strategy| {
                router::route(
                    &item.prompt,
                    &models,
                    &RouteOptions {
                        strategy,
                        ..RouteOptions::default()
                    },
                )
                .model
            };
            let (balanced, cheaper) = (with(Strategy::Balanced), with(Strategy::Cost));
            (cheaper < balanced).then_some((item.prompt, balanced, cheaper))
        })
        .expect("the cost strategy moves some close call")
}

#[tokio::test]
async fn any_node_answers_and_the_decisions_make_sense() {
    let nats = NatsServer::start();
    let first = TestNode::start(&nats.url()).await;
    let second = TestNode::start(&nats.url()).await;
    let client = first.client().await;

    let capital = route(&client, "What is the capital of France?", None)
        .await
        .expect("routes");
    assert_eq!(capital.model, "haiku", "{capital:?}");
    assert_eq!(capital.model_id, "claude-haiku-4-5");
    assert_eq!(capital.alternatives.len(), 2);
    assert!(capital.estimated_cost_usd > 0.0);
    assert!(
        capital
            .alternatives
            .iter()
            .all(|alternative| alternative.estimated_cost_usd > capital.estimated_cost_usd)
    );

    let design = route(&client, "Design a lock-free MPMC queue in Rust.", None)
        .await
        .expect("routes");
    assert_eq!(design.model, "opus", "{design:?}");
    // The reasoning names what drove the decision: the classifier's strongest drivers towards opus.
    let drivers = router::prepare("Design a lock-free MPMC queue in Rust.")
        .scored
        .drivers;
    let top = drivers
        .iter()
        .find(|driver| driver.tier == Tier::Opus)
        .expect("a driver towards opus");
    assert!(
        design
            .reasoning
            .starts_with(&format!("opus ({:.2}): {}", design.confidence, top.feature)),
        "{} {drivers:?}",
        design.reasoning
    );

    let forced = route(&client, "@opus what is 2+2?", None)
        .await
        .expect("routes");
    assert_eq!((forced.model.as_str(), forced.overridden), ("opus", true));
    // The strategy reaches the decision: the cost strategy leans a close call down (the first prompt of the
    // development set the model is unsure enough of, found in-process), and the node says so.
    let (prompt, balanced, cheaper) = lean_down_example();
    let on_node = route(&client, &prompt, None).await.expect("routes");
    let cheaper_on_node = route(&client, &prompt, Some("cost")).await.expect("routes");
    assert_eq!(on_node.model, balanced.as_str());
    assert_eq!(
        cheaper_on_node.model,
        cheaper.as_str(),
        "{cheaper_on_node:?}"
    );
    assert!(
        cheaper_on_node
            .reasoning
            .contains(&format!("cost strategy: {cheaper} rather than {balanced}")),
        "{}",
        cheaper_on_node.reasoning
    );

    // Discovery: both nodes' services answer a PING on the service API.
    let inbox = client.nats().new_inbox();
    let mut replies = client
        .nats()
        .subscribe(inbox.clone())
        .await
        .expect("subscribes");
    client
        .nats()
        .publish_with_reply("$SRV.PING.shim-router", inbox, "".into())
        .await
        .expect("pings");
    let mut ids = std::collections::HashSet::new();
    for _ in 0..2 {
        let message = tokio::time::timeout(DEADLINE, replies.next())
            .await
            .expect("a ping reply")
            .expect("open");
        let info: Value = serde_json::from_slice(&message.payload).expect("json");
        assert_eq!(info["name"], "shim-router");
        ids.insert(info["id"].as_str().unwrap_or_default().to_owned());
    }
    assert_eq!(ids.len(), 2, "two service instances");

    // Each decision is counted on the node that made it.
    let counted = wait_until(
        || async {
            let total = metric_value(&first.metrics().await, "shim_routing_decisions_total", &[])
                .unwrap_or(0.0)
                + metric_value(&second.metrics().await, "shim_routing_decisions_total", &[])
                    .unwrap_or(0.0);
            total >= 4.0
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(counted);
    first.stop().await;
    second.stop().await;
}

#[tokio::test]
async fn bad_routing_requests_get_clear_errors() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for (prompt, strategy) in [("", None), ("   ", None), ("explain x", Some("cheapest"))] {
        let result = route(&client, prompt, strategy).await;
        assert!(
            matches!(
                result,
                Err(ClientError::Remote(WireError::BadRequest { .. }))
            ),
            "{prompt:?} {strategy:?}: {result:?}"
        );
    }
    let reply = tokio::time::timeout(
        DEADLINE,
        client.nats().request(ROUTER_ROUTE, "garbage".into()),
    )
    .await
    .expect("answers in time")
    .expect("answers");
    let decoded: Result<RouteReply, WireError> =
        shim_protocol::codec::decode_reply(&reply.payload).expect("an error reply");
    assert!(
        matches!(decoded, Err(WireError::UnsupportedVersion { .. })),
        "no header: {decoded:?}"
    );
    let bad_tier: Result<OverrideReply, _> = client
        .request_service(
            ROUTER_OVERRIDE,
            &OverrideRequest {
                prompt: "x".to_owned(),
                recommended: "sonnet".to_owned(),
                chosen: "gpt-5".to_owned(),
                reason: None,
                chat_id: None,
            },
        )
        .await;
    assert!(matches!(
        bad_tier,
        Err(ClientError::Remote(WireError::BadRequest { .. }))
    ));
    node.stop().await;
}

/// The router is served by the node's one plumbing (its requests counted with the node's, the service's own
/// stats kept) and answered by the ModelRouter actor, found by name again after a restart.
#[tokio::test]
async fn router_requests_are_counted_by_the_node_and_answered_by_its_actor() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    route(
        &client,
        "Rename the variable x to count in src/main.rs",
        None,
    )
    .await
    .expect("routes");
    assert!(matches!(
        route(&client, "  ", None).await,
        Err(ClientError::Remote(WireError::BadRequest { .. }))
    ));
    let metrics = node.metrics().await;
    for (outcome, expected) in [("ok", 1.0), ("bad_request", 1.0)] {
        assert_eq!(
            metric_value(
                &metrics,
                "shim_node_requests_total",
                &["op=\"router.route\"", &format!("outcome=\"{outcome}\"")]
            ),
            Some(expected),
            "{outcome}"
        );
    }
    let stats = tokio::time::timeout(
        DEADLINE,
        client.nats().request("$SRV.STATS.shim-router", "".into()),
    )
    .await
    .expect("answers in time")
    .expect("answers");
    let stats: Value = serde_json::from_slice(&stats.payload).expect("json");
    let route_stats = stats["endpoints"]
        .as_array()
        .expect("endpoints")
        .iter()
        .find(|endpoint| endpoint["subject"] == ROUTER_ROUTE)
        .expect("the route endpoint");
    assert_eq!(route_stats["num_requests"], 2, "{route_stats}");

    let router = shim_actors::model_router::ModelRouter::find(node.node_id())
        .expect("the router is registered under its node's name");
    let first_id = router.get_id();
    router.kill();
    let restarted = wait_until(
        || async {
            shim_actors::model_router::ModelRouter::find(node.node_id())
                .is_some_and(|router| router.get_id() != first_id)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(
        restarted,
        "the supervisor restarts the router under the same name"
    );
    route(
        &client,
        "Rename the variable x to count in src/main.rs",
        None,
    )
    .await
    .expect("routes after the restart");
    node.stop().await;
}

/// Runs `shim-node route ARGS` against `node`.
async fn shim_route(node: &TestNode, args: &[&str]) -> std::process::Output {
    let config = node.config_ref();
    Command::new(EXE)
        .arg("route")
        .args(args)
        .args(["--nats-url", &config.nats_url, "--node-id", &config.node_id])
        .output()
        .await
        .expect("runs")
}

async fn forget(node: &TestNode, category: &str) -> std::process::Output {
    shim_route(node, &["--forget", category]).await
}

/// Item 6 of issue 11: overrides become weighted examples on top of the built-in model. After five
/// consistent ones the category (the task type) routes the user's way, other categories and the model's own
/// judgement untouched; the bias is published with its evidence, kept across a restart, and `--forget` drops it.
#[tokio::test]
async fn consistent_overrides_are_learned_published_and_kept_across_a_restart() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut adopted_feed =
        EventFeed::subscribe(client.nats(), "shim.events.routing.preference_adopted").await;
    let prompt = "Write unit tests for the billing module in src/billing.rs covering refunds";
    let other = "The login handler in src/auth.rs panics with an unwrap on None when the session cookie is missing; fix it";
    let before = route(&client, prompt, None).await.expect("routes");
    assert_eq!(before.model, "sonnet", "{before:?}");
    let other_before = route(&client, other, None).await.expect("routes");
    assert_ne!(other_before.task_type, "test", "{other_before:?}");
    for index in 0..5 {
        let reply: OverrideReply = client
            .request_service(
                ROUTER_OVERRIDE,
                &OverrideRequest {
                    prompt: format!(
                        "Write unit tests for the {} module covering refunds",
                        ["billing", "invoice", "ledger", "payout", "tax"][index]
                    ),
                    recommended: "sonnet".to_owned(),
                    chosen: "opus".to_owned(),
                    reason: Some("billing tests are subtle".to_owned()),
                    chat_id: None,
                },
            )
            .await
            .expect("records");
        assert_eq!(reply.category, "test");
        assert_eq!(reply.overrides, index as u64 + 1);
        assert_eq!(
            reply.adopted.as_deref(),
            (index == 4).then_some("opus"),
            "{reply:?}"
        );
    }
    let (_, event) = adopted_feed.next().await;
    assert_eq!(event["data"]["category"], "test");
    assert_eq!(event["data"]["tier"], "opus");
    assert_eq!(event["data"]["overrides"], 5);
    assert!(
        event["data"]["shift"]["opus"].as_f64() > event["data"]["shift"]["sonnet"].as_f64(),
        "{event}"
    );
    assert!(
        event["data"]["evidence"]
            .as_str()
            .is_some_and(|evidence| evidence.starts_with("5 overrides (5 to opus)")),
        "{event}"
    );
    let learned = route(&client, prompt, None).await.expect("routes");
    assert_eq!(learned.model, "opus", "{learned:?}");
    assert!(
        learned
            .reasoning
            .contains("your overrides prefer opus for test prompts (5 overrides)"),
        "{}",
        learned.reasoning
    );
    // The built-in model is untouched: its own judgement of the prompt, and other categories, are as before.
    assert_eq!(learned.complexity, before.complexity);
    assert_eq!(
        route(&client, other, None).await.expect("routes"),
        other_before
    );

    let node = node.restart().await;
    let client = node.client().await;
    let after = wait_until(
        || async {
            route(&client, prompt, None)
                .await
                .is_ok_and(|reply| reply.model == "opus")
        },
        DEADLINE,
        Duration::from_millis(50),
    )
    .await;
    assert!(after, "the learned bias survives a restart");
    let listed = shim_route(&node, &["--learned"]).await;
    assert!(
        listed.status.success(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
    let listed = String::from_utf8_lossy(&listed.stdout);
    assert!(
        listed
            .trim()
            .starts_with("test: towards opus (5 overrides (5 to opus)"),
        "{listed}"
    );
    assert_eq!(listed.lines().count(), 1, "{listed}");

    // And it can be taken back, with the evidence published.
    let mut reverted_feed =
        EventFeed::subscribe(client.nats(), "shim.events.routing.preference_reverted").await;
    let output = forget(&node, "test").await;
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "test: forgot the learned preference for opus"
    );
    let (_, event) = reverted_feed.next().await;
    assert_eq!(event["data"]["reason"], "reset by the user");
    assert!(
        event["data"]["evidence"]
            .as_str()
            .is_some_and(|evidence| evidence.contains("5 overrides"))
    );
    assert_eq!(route(&client, prompt, None).await.expect("routes"), before);
    let again = forget(&node, "test").await;
    assert_eq!(
        String::from_utf8_lossy(&again.stdout).trim(),
        "test: nothing was learned"
    );
    let listed = shim_route(&node, &["--learned", "--json"]).await;
    assert_eq!(
        serde_json::from_slice::<Value>(&listed.stdout).expect("json"),
        json!([])
    );
    // A category routing does not learn in is refused, saying which ones it does.
    let wrong = forget(&node, "test/medium").await;
    assert!(!wrong.status.success());
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(stderr.contains("design, review, debug, test"), "{stderr}");
    node.stop().await;
}

#[tokio::test]
async fn the_mcp_tools_and_the_command_line_route_too() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let config = node.config_ref().clone();
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("mcp.log")).await;
    let events = async_nats::connect(nats.url()).await.expect("connects");
    let mut decided = EventFeed::subscribe(&events, "shim.events.routing.decided").await;
    let mut overridden = EventFeed::subscribe(&events, "shim.events.routing.override").await;
    // Before the server opened a chat, a route is for nobody in particular; a chat named is the asker.
    let routed = mcp
        .call_tool("shim_route_model", json!({"prompt": "what is a mutex?"}))
        .await;
    assert_eq!(routed["structuredContent"]["model"], "haiku", "{routed}");
    assert_eq!(decided.next().await.1["chat_id"], Value::Null);
    let recorded = mcp
        .call_tool(
            "shim_record_override",
            json!({"prompt": "what is a mutex?", "recommended": "haiku", "chosen": "sonnet", "chat_id": "asker-1"}),
        )
        .await;
    assert_eq!(
        recorded["structuredContent"]["category"], "explain",
        "{recorded}"
    );
    assert_eq!(overridden.next().await.1["chat_id"], "asker-1");
    let bad = mcp
        .call_tool(
            "shim_route_model",
            json!({"prompt": "what is a mutex?", "chat_id": "no spaces"}),
        )
        .await;
    assert_eq!(bad["isError"], json!(true), "{bad}");
    // Once it has a chat of its own (opened by its first chat tool), its routes and overrides are that chat's.
    let opened = mcp.call_tool("shim_status", json!({})).await;
    let chat_id = opened["structuredContent"]["chat_id"]
        .as_str()
        .expect("a chat")
        .to_owned();
    let routed = mcp
        .call_tool("shim_route_model", json!({"prompt": "Do a security review of our OAuth login flow and give a threat model."}))
        .await;
    assert_eq!(decided.next().await.1["chat_id"], chat_id.as_str());
    assert_ne!(routed["isError"], json!(true), "{routed}");
    let structured = &routed["structuredContent"];
    assert_eq!(structured["model"], "opus");
    for field in [
        "model_id",
        "confidence",
        "reasoning",
        "estimated_input_tokens",
        "estimated_cost_usd",
        "alternatives",
    ] {
        assert!(
            !structured[field].is_null(),
            "{field} missing: {structured}"
        );
    }
    let recorded = mcp
        .call_tool(
            "shim_record_override",
            json!({"prompt": "what is a mutex?", "recommended": "haiku", "chosen": "sonnet"}),
        )
        .await;
    assert_eq!(recorded["structuredContent"]["category"], "explain");
    assert_eq!(overridden.next().await.1["chat_id"], chat_id.as_str());
    assert!(mcp.close().await);

    let mut child = Command::new(EXE)
        .args([
            "route",
            "--json",
            "--nats-url",
            &config.nats_url,
            "--node-id",
            &config.node_id,
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(b"How do I exit vim?")
        .await
        .expect("writes");
    drop(stdin);
    let output = child.wait_with_output().await.expect("finishes");
    assert!(output.status.success());
    let json: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["model"], "haiku");
    assert_eq!(
        json.as_object().map(|object| object.len()),
        structured.as_object().map(|object| object.len()),
        "the same object as the MCP tool"
    );

    let eval = Command::new(EXE)
        .args(["route", "--eval"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/routing_dev.jsonl"))
        .output()
        .await
        .expect("runs");
    assert!(eval.status.success());
    let text = String::from_utf8_lossy(&eval.stdout);
    assert!(
        text.contains("exact") && text.contains("under-routed") && text.contains("cost vs opus"),
        "{text}"
    );
    let bad = logs.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"prompt\": \"x\", \"label\": \"gpt\"}\n").expect("write");
    let failed = Command::new(EXE)
        .args(["route", "--eval"])
        .arg(&bad)
        .output()
        .await
        .expect("runs");
    assert!(!failed.status.success());
    assert!(String::from_utf8_lossy(&failed.stderr).contains("bad.jsonl:1"));
    node.stop().await;
}
