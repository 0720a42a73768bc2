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
use shim_tests::{DEADLINE, EventFeed, NatsServer, POLL, TestNode, plant_sessions, wait_until};

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

/// Routes `prompt` until the reply is `wanted` (said as `what` when it never comes); returns that reply.
async fn wait_for_route(
    node: &TestNode,
    prompt: &str,
    what: &str,
    wanted: impl Fn(&RouteReply) -> bool,
) -> RouteReply {
    let last_ref = std::sync::Mutex::new(None);
    let found = wait_until(
        || async {
            let reply = route(node, prompt).await;
            let done = wanted(&reply);
            *last_ref.lock().expect("lock") = Some(reply);
            done
        },
        DEADLINE,
        POLL,
    )
    .await;
    let last = last_ref.into_inner().expect("lock");
    assert!(found, "{what} never came: {last:?}");
    last.expect("routed")
}

/// Waits until the router sends `prompt` to `model`.
async fn wait_for_model(node: &TestNode, prompt: &str, model: &str) -> RouteReply {
    wait_for_route(node, prompt, &format!("routing to {model}"), |reply| {
        reply.model == model
    })
    .await
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
    let propose = |parameter: &'static str, treatment: f64, source: &'static str| {
        let node = &node;
        async move {
            let experiment: Experiment = node
                .client()
                .await
                .request_service(
                    &KaizenNames::live().subject(KaizenOp::Propose),
                    &ProposeRequest {
                        parameter: parameter.to_owned(),
                        treatment,
                        hypothesis: format!("{parameter} at {treatment} loses less work"),
                        source: source.to_owned(),
                        baseline: Some(2.0),
                        baseline_sd: Some(2.0),
                        ..ProposeRequest::default()
                    },
                )
                .await
                .expect("proposed");
            experiment
        }
    };
    let margin = |experiment: &Experiment, name: &str| {
        experiment
            .guardrails
            .iter()
            .find(|guardrail| guardrail.metric.name == name)
            .map(|guardrail| guardrail.margin)
    };
    let first = propose("checkpoint.every_calls", 3.0, "detector:checkpoint-gap").await;
    assert_eq!(margin(&first, "cost_usd"), Some(0.01), "{first:#?}");
    assert_eq!(margin(&first, "latency_ms"), Some(0.25), "{first:#?}");

    // Changed while the node runs: experiments planned from then on take it, no restart.
    let events = node.client().await;
    let mut feed = EventFeed::subscribe(events.nats(), "shim.events.profile.>").await;
    let changed = profile(&node, &["set", "cost_increase", "2%"]).await;
    assert!(changed.status.success(), "{changed:?}");
    let reset = profile(&node, &["reset", "latency_increase"]).await;
    assert!(reset.status.success(), "{reset:?}");
    // The watcher publishes a version, then hands it on; wait for the version with both changes.
    loop {
        let (_, event) = feed.next().await;
        if event["data"]["profile"]["cost_increase"] == "0.02"
            && event["data"]["profile"].get("latency_increase").is_none()
        {
            break;
        }
    }
    let second = propose("checkpoint.every_minutes", 5.0, "person:tester").await;
    assert_eq!(margin(&second, "cost_usd"), Some(0.02), "{second:#?}");
    // Reset: the config's value again (the built-in 10%).
    assert_eq!(margin(&second, "latency_ms"), Some(0.10), "{second:#?}");
    // What was planned before keeps the margins it was planned with.
    let shown: Value =
        serde_json::from_slice(&profile(&node, &["show", "--json"]).await.stdout).expect("JSON");
    assert_eq!(shown["in_force"]["cost_increase"], 0.02, "{shown}");
    assert_eq!(shown["in_force"]["latency_increase"], 0.1, "{shown}");
    node.stop().await;
}

#[tokio::test]
async fn a_broken_profile_is_shown_as_such_and_reset_starts_it_over() {
    use std::os::unix::fs::PermissionsExt;
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let data_dir = node.config_ref().data_dir.clone();
    let file = shim_node::profile::path(&data_dir);
    // Tier names are read in any case, in the file as on the command line.
    std::fs::write(&file, "[tiers]\ntest = \"Opus\"\n").expect("hand edit");
    let shown: Value =
        serde_json::from_slice(&profile(&node, &["show", "--json"]).await.stdout).expect("JSON");
    assert_eq!(shown["set"]["tier.test"], "opus", "{shown}");
    assert_eq!(shown["error"], Value::Null, "{shown}");

    // A negative number is a value to refuse with its range, not an unknown option.
    let refused = profile(&node, &["set", "cost_increase", "-0.1"]).await;
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    let error = String::from_utf8_lossy(&refused.stderr);
    assert!(error.contains("share from 0 to 1"), "{error}");

    // A hand edit gone wrong.
    std::fs::write(&file, "hours = \"whenever\"\n").expect("hand edit");
    let shown = profile(&node, &["show"]).await;
    assert!(shown.status.success(), "{shown:?}");
    let text = stdout(&shown);
    assert!(text.contains("not a valid profile"), "{text}");
    assert!(text.contains("shim-node profile reset"), "{text}");
    // What was learned and what is in force are still listed.
    assert!(
        text.contains("cost_increase") && text.contains("latency_increase"),
        "{text}"
    );
    let shown: Value =
        serde_json::from_slice(&profile(&node, &["show", "--json"]).await.stdout).expect("JSON");
    assert!(
        shown["error"]
            .as_str()
            .is_some_and(|error| error.contains("whenever")),
        "{shown}"
    );
    assert!(shown["observed"]["sessions"].is_number(), "{shown}");

    let set = profile(&node, &["set", "hours", "9-18"]).await;
    assert!(!set.status.success(), "{set:?}");
    let error = String::from_utf8_lossy(&set.stderr);
    assert!(error.contains("profile reset"), "{error}");
    let reset_one = profile(&node, &["reset", "hours"]).await;
    assert!(!reset_one.status.success(), "{reset_one:?}");
    let error = String::from_utf8_lossy(&reset_one.stderr);
    assert!(
        error.contains("whenever") && error.contains("profile reset"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("kept"),
        "hours = \"whenever\"\n"
    );

    let reset = profile(&node, &["reset"]).await;
    assert!(reset.status.success(), "{reset:?}");
    assert!(!file.exists());
    let aside = data_dir.join("profile.toml.broken");
    assert_eq!(
        std::fs::read_to_string(&aside).expect("kept aside"),
        "hours = \"whenever\"\n"
    );
    let mode = std::fs::metadata(&aside)
        .expect("aside")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let set = profile(&node, &["set", "hours", "9-18"]).await;
    assert!(set.status.success(), "{set:?}");
    let reset = profile(&node, &["reset", "hours"]).await;
    assert!(reset.status.success(), "{reset:?}");
    // Nothing set is an empty file, without an empty [tiers] table.
    let text = std::fs::read_to_string(&file).expect("file");
    assert!(!text.contains("[tiers]"), "{text}");
    node.stop().await;

    // Without a node, nothing observed is said as such, not as zero sessions.
    let (config, _dir) = TestNode::config(&nats.url());
    let offline = Command::new(EXE)
        .args(["profile", "show", "--json"])
        .args(["--data-dir", &config.data_dir.display().to_string()])
        .args(["--nats-url", "nats://127.0.0.1:1"])
        .output()
        .await
        .expect("runs");
    assert!(offline.status.success(), "{offline:?}");
    let shown: Value = serde_json::from_slice(&offline.stdout).expect("JSON");
    assert_eq!(shown["observed"]["sessions"], Value::Null, "{shown}");
}

/// With no weekly spend set, the node learns one from what the sessions of the weeks before this one cost
/// (1.5 times the most in one week), `profile show` says so, and the router economizes near it.
#[tokio::test]
async fn the_weekly_spend_is_learned_from_past_sessions_and_the_router_economizes_near_it() {
    let nats = NatsServer::start();
    // Sessions of the last weeks, as the analytics store keeps them: $0.04 one week, $0.02 the week before.
    let (config, data_dir) = TestNode::config(&nats.url());
    let day_ms = 24 * 3600 * 1000;
    let now = shim_actors::now_ms();
    let mut records: Vec<Value> = [(8, 0.01), (10, 0.015), (13, 0.015), (15, 0.01), (20, 0.01)]
        .into_iter()
        .enumerate()
        .map(|(index, (days_ago, cost_usd))| {
            serde_json::json!({
                "chat_id": format!("past-{index}"),
                "started_at_ms": now - days_ago * day_ms,
                "ended_at_ms": now - days_ago * day_ms + 3_600_000,
                "cost_usd": cost_usd,
                "node_id": config.node_id,
            })
        })
        .collect();
    // Sessions of another machine's node on the same cluster are not this machine's spend, then or this week.
    records.push(serde_json::json!({
        "chat_id": "elsewhere", "started_at_ms": now - 9 * day_ms, "cost_usd": 100.0, "node_id": "another-node",
    }));
    records.push(serde_json::json!({
        "chat_id": "elsewhere-lately", "started_at_ms": now - 2 * day_ms, "cost_usd": 50.0, "node_id": "another-node",
    }));
    records.push(serde_json::json!({
        "chat_id": "lately", "started_at_ms": now - 3 * day_ms, "cost_usd": 0.005, "node_id": config.node_id,
    }));
    plant_sessions(&nats.url(), &records).await;
    let node = TestNode::start_with(config, data_dir).await;

    let shown = profile(&node, &["show", "--json"]).await;
    assert!(shown.status.success(), "{shown:?}");
    let shown: Value = serde_json::from_str(&stdout(&shown)).expect("json");
    let learned = &shown["observed"]["learned_spend"];
    let weekly = learned["weekly_usd"].as_f64().expect("learned");
    assert!((weekly - 0.06).abs() < 1e-9, "{shown}");
    assert_eq!(learned["sessions"], 5, "{shown}");
    // The last 7 days' spend is this machine's too, as the router counts it.
    assert_eq!(shown["observed"]["spend_7d_usd"], 0.005, "{shown}");
    assert_eq!(
        shown["in_force"]["cost_per_week_usd"], learned["weekly_usd"],
        "{shown}"
    );
    let text = stdout(&profile(&node, &["show"]).await);
    assert!(
        text.lines()
            .any(|line| line.starts_with("cost_per_week_usd")
                && line.contains("0.06")
                && line.contains("learned: 1.5 x $0.04")),
        "{text}"
    );

    // Every prompt routed adds its estimated cost to this week's spend: near $0.06 the router says so.
    wait_for_route(
        &node,
        TEST_PROMPT,
        "a note that the learned limit is near",
        |reply| {
            reply
                .budget_note
                .as_deref()
                .is_some_and(|note| note.starts_with("weekly spend") && note.contains("of $0.06"))
        },
    )
    .await;
}

/// With no latency tolerance set (by you or the config file), the node learns it from how much slower the slower
/// of this machine's sessions ran, and the Kaizen guardrail on latency keeps to it; `profile show` says so.
#[tokio::test]
async fn the_latency_tolerance_is_learned_from_past_sessions_and_bounds_the_kaizen_guardrail() {
    use shim_protocol::{
        messages::{Experiment, ProposeRequest},
        subject::{KaizenNames, KaizenOp},
    };
    let nats = NatsServer::start();
    let (config, data_dir) = TestNode::config(&nats.url());
    let now = shim_actors::now_ms();
    // Twenty sessions of ten requests each, 1,000 to 1,950 ms a request: the slowest quarter 17% slower.
    let records: Vec<Value> = (0..20u64)
        .map(|index| {
            serde_json::json!({
                "chat_id": format!("past-{index}"),
                "node_id": config.node_id,
                "started_at_ms": now - 3_600_000,
                "api_requests": 10,
                "api_duration_ms": 10 * (1_000 + 50 * index),
            })
        })
        .collect();
    plant_sessions(&nats.url(), &records).await;
    // Subscribed before the node starts: it learns at once.
    let watcher = async_nats::connect(nats.url()).await.expect("connects");
    let mut learned_feed = EventFeed::subscribe(&watcher, "shim.events.profile.learned").await;
    let node = TestNode::start_with(config, data_dir).await;
    let nodes = node.client().await;
    let kaizen = KaizenNames::live();

    // Published once the experiment manager has it: a proposal after it is planned with the learned margin.
    let (_, event) = learned_feed.next().await;
    assert_eq!(
        event["data"]["learned_latency"]["increase"], 0.17,
        "{event}"
    );
    assert_eq!(event["data"]["learned_latency"]["sessions"], 20, "{event}");
    assert_eq!(event["data"]["learned_spend"], Value::Null, "{event}");
    let experiment: Experiment = nodes
        .request_service(
            &kaizen.subject(KaizenOp::Propose),
            &ProposeRequest {
                parameter: "checkpoint.every_minutes".to_owned(),
                treatment: 5.0,
                hypothesis: "checkpoints every 5 minutes lose less work".to_owned(),
                source: "person:tester".to_owned(),
                baseline: Some(2.0),
                baseline_sd: Some(2.0),
                ..ProposeRequest::default()
            },
        )
        .await
        .expect("proposed");
    let margin = experiment
        .guardrails
        .iter()
        .find(|guardrail| guardrail.metric.name == "latency_ms")
        .map(|guardrail| guardrail.margin);
    assert_eq!(margin, Some(0.17), "{experiment:#?}");

    let shown = profile(&node, &["show", "--json"]).await;
    let shown: Value = serde_json::from_str(&stdout(&shown)).expect("json");
    assert_eq!(
        shown["observed"]["learned_latency"]["increase"], 0.17,
        "{shown}"
    );
    assert_eq!(shown["in_force"]["latency_increase"], 0.17, "{shown}");
    let text = stdout(&profile(&node, &["show"]).await);
    assert!(
        text.lines().any(|line| line.starts_with("latency_increase")
            && line.contains("0.17")
            && line.contains("the slowest quarter of your 20 sessions ran 17% or more slower")),
        "{text}"
    );
    // Set by you, it replaces the learned one.
    let set = profile(&node, &["set", "latency_increase", "30%"]).await;
    assert!(set.status.success(), "{set:?}");
    let shown: Value =
        serde_json::from_str(&stdout(&profile(&node, &["show", "--json"]).await)).expect("json");
    assert_eq!(shown["in_force"]["latency_increase"], 0.3, "{shown}");
    node.stop().await;
}
