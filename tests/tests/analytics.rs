//! The analytics store and session outcomes against real processes: a `nats-server`, `shim-node run`,
//! `shim-node hook` run through `sh -c` as Claude Code runs it, `shim-node mcp`, and the `sessions` and
//! `analytics` commands.

use std::{
    path::Path,
    process::{Command, Stdio},
    time::Duration,
};

use async_nats::jetstream::{self, stream};
use serde_json::{Value, json};
use shim_tests::{
    DEADLINE, McpClient, NatsServer, NodeProcess, POLL, TestNode, run_hook, sh_quote,
    wait_for_node, wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// A node process and the environment every `shim-node` of the test runs with.
struct Sandbox {
    data_dir: tempfile::TempDir,
    url: String,
    node_id: &'static str,
}

impl Sandbox {
    fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("SHIM_NATS_URL", self.url.clone()),
            ("SHIM_NODE_ID", self.node_id.to_owned()),
            ("SHIM_DATA_DIR", self.data_dir.path().display().to_string()),
            ("SHIM_METRICS_ADDR", "off".to_owned()),
        ]
    }

    fn start(&self) -> NodeProcess {
        NodeProcess::start_with_env(
            EXE,
            &self.url,
            self.node_id,
            self.data_dir.path(),
            &[
                ("SHIM_CHAT_AWAY_AFTER_S", "1"),
                ("SHIM_CHAT_GONE_AFTER_S", "3"),
                ("SHIM_ANALYTICS_ABANDON_AFTER_S", "4"),
            ],
        )
    }

    fn shim(&self, args: &[&str]) -> std::process::Output {
        Command::new(EXE)
            .args(args)
            .envs(self.env())
            .env_remove("SHIM_LOG")
            .stdin(Stdio::null())
            .output()
            .expect("shim-node runs")
    }

    /// Runs `shim-node hook` as Claude Code does: `sh -c` with the hook JSON on stdin.
    fn hook(&self, session_id: &str, name: &str, project: &Path, extra: Value) {
        let mut input = json!({
            "session_id": session_id,
            "transcript_path": project.join(format!("{session_id}.jsonl")).display().to_string(),
            "cwd": project.display().to_string(),
            "hook_event_name": name,
        });
        if let (Some(target), Some(more)) = (input.as_object_mut(), extra.as_object()) {
            target.extend(more.clone());
        }
        let run = run_hook(&format!("{} hook", sh_quote(EXE)), &self.env(), &input);
        assert_eq!(run.code, 0, "{name} hook");
    }

    /// The sessions `shim-node sessions --json` lists, by chat id.
    fn sessions(&self) -> Vec<Value> {
        let output = self.shim(&["sessions", "--since", "1h", "--json"]);
        assert!(output.status.success(), "{output:?}");
        let list: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        list["sessions"].as_array().cloned().unwrap_or_default()
    }

    fn outcome_of(&self, chat_id: &str) -> Option<String> {
        // A node that has just started answers `hello` a moment before its analytics service: until it does,
        // the query says no node answers, which here means "not yet".
        let output = self.shim(&["sessions", "--since", "1h", "--json"]);
        if !output.status.success() {
            return None;
        }
        serde_json::from_slice::<Value>(&output.stdout).ok()?["sessions"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .find(|session| session["chat_id"] == chat_id)
            .and_then(|session| session["outcome"].as_str().map(str::to_owned))
    }

    async fn wait_for_outcome(&self, chat_id: &str, outcome: &str) {
        self.wait_for_one_of(chat_id, &[outcome]).await;
    }

    async fn wait_for_one_of(&self, chat_id: &str, outcomes: &[&str]) {
        let reached = wait_until(
            || async {
                self.outcome_of(chat_id)
                    .is_some_and(|found| outcomes.contains(&found.as_str()))
            },
            DEADLINE,
            Duration::from_millis(200),
        )
        .await;
        assert!(
            reached,
            "{chat_id} never reached {outcomes:?}; sessions: {:#?}\nnode log:\n{}",
            self.sessions(),
            std::fs::read_to_string(self.data_dir.path().join("node-process.log"))
                .unwrap_or_default()
        );
    }

    fn evidence_of(&self, chat_id: &str) -> String {
        self.sessions()
            .into_iter()
            .find(|session| session["chat_id"] == chat_id)
            .map(|session| session["evidence"].to_string())
            .unwrap_or_default()
    }
}

fn project() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = std::fs::canonicalize(dir.path()).expect("path");
    (dir, path)
}

#[tokio::test]
async fn each_outcome_is_reached_through_the_real_paths_and_counted_by_name() {
    let nats = NatsServer::start();
    let sandbox = Sandbox {
        data_dir: tempfile::tempdir().expect("temp dir"),
        url: nats.url(),
        node_id: "analytics-outcomes",
    };
    let mut node = sandbox.start();
    let _ = wait_for_node(&sandbox.url, sandbox.node_id, DEADLINE).await;
    let (_work, work) = project();

    // Clean, compacted, too long and API error, each from hooks as Claude Code sends them.
    sandbox.hook(
        "cc-clean",
        "SessionStart",
        &work,
        json!({"source": "startup"}),
    );
    sandbox.hook(
        "cc-clean",
        "PostToolUse",
        &work,
        json!({"tool_name": "Read", "tool_response": {}}),
    );
    sandbox.hook("cc-clean", "SessionEnd", &work, json!({"reason": "logout"}));
    sandbox.hook(
        "cc-compact",
        "SessionStart",
        &work,
        json!({"source": "startup"}),
    );
    sandbox.hook(
        "cc-compact",
        "PreCompact",
        &work,
        json!({"trigger": "auto"}),
    );
    sandbox.hook("cc-compact", "SessionEnd", &work, json!({"reason": "exit"}));
    sandbox.hook(
        "cc-manual",
        "SessionStart",
        &work,
        json!({"source": "startup"}),
    );
    sandbox.hook(
        "cc-manual",
        "PreCompact",
        &work,
        json!({"trigger": "manual"}),
    );
    sandbox.hook("cc-manual", "SessionEnd", &work, json!({"reason": "exit"}));
    sandbox.hook(
        "cc-wall",
        "SessionStart",
        &work,
        json!({"source": "startup"}),
    );
    sandbox.hook(
        "cc-wall",
        "StopFailure",
        &work,
        json!({"error": "Prompt is too long"}),
    );
    sandbox.hook("cc-wall", "SessionEnd", &work, json!({"reason": "exit"}));
    sandbox.hook(
        "cc-api",
        "SessionStart",
        &work,
        json!({"source": "startup"}),
    );
    sandbox.hook(
        "cc-api",
        "StopFailure",
        &work,
        json!({"error": "API Error: 529 overloaded_error"}),
    );
    sandbox.hook("cc-api", "SessionEnd", &work, json!({"reason": "exit"}));

    // Clean through MCP's shim_end_session.
    let mcp_log = sandbox.data_dir.path().join("mcp.log");
    let mut mcp = McpClient::spawn(
        Path::new(EXE),
        &[
            "--nats-url",
            &sandbox.url,
            "--node-id",
            sandbox.node_id,
            "--no-autostart",
        ],
        &[],
        &mcp_log,
    );
    mcp.initialize().await;
    let started = mcp
        .call_tool(
            "shim_session_start",
            json!({"name": "desktop", "project_dir": work}),
        )
        .await;
    let desktop_chat = started["structuredContent"]["chat_id"]
        .as_str()
        .expect("chat id")
        .to_owned();
    mcp.call_tool("shim_end_session", json!({"chat_id": desktop_chat}))
        .await;

    sandbox.wait_for_outcome("cc-clean", "clean").await;
    assert!(sandbox.evidence_of("cc-clean").contains("logout"));
    sandbox.wait_for_outcome(&desktop_chat, "clean").await;
    assert!(
        sandbox
            .evidence_of(&desktop_chat)
            .contains("shim_end_session")
    );
    sandbox.wait_for_outcome("cc-compact", "compacted").await;
    sandbox.wait_for_outcome("cc-manual", "clean").await;
    sandbox.wait_for_outcome("cc-wall", "too_long").await;
    assert!(
        sandbox
            .evidence_of("cc-wall")
            .contains("Prompt is too long")
    );
    sandbox.wait_for_outcome("cc-api", "api_error").await;

    // A session at work when its node is killed outright; and one that just goes silent.
    let (_crash, crash) = project();
    sandbox.hook(
        "cc-crash",
        "SessionStart",
        &crash,
        json!({"source": "startup"}),
    );
    sandbox.hook(
        "cc-crash",
        "UserPromptSubmit",
        &crash,
        json!({"prompt": "port the parser"}),
    );
    sandbox.hook(
        "cc-crash",
        "PostToolUse",
        &crash,
        json!({"tool_name": "Edit", "tool_response": {}}),
    );
    sandbox.hook("cc-crash", "Stop", &crash, json!({}));
    let (_left, left) = project();
    sandbox.hook(
        "cc-left",
        "SessionStart",
        &left,
        json!({"source": "startup"}),
    );
    node.kill_9();
    let mut node = sandbox.start();
    let _ = wait_for_node(&sandbox.url, sandbox.node_id, DEADLINE).await;
    // Interrupted, and abandoned too if its 4 s wait runs out first; a resume taken later decides it all the same.
    sandbox
        .wait_for_one_of("cc-crash", &["interrupted", "abandoned"])
        .await;

    // The next session in its project is offered it and takes it: resumed.
    sandbox.hook(
        "cc-next",
        "SessionStart",
        &crash,
        json!({"source": "startup"}),
    );
    let take = sandbox.shim(&[
        "resume",
        "--take",
        "--project",
        &crash.display().to_string(),
    ]);
    assert!(take.status.success(), "{take:?}");
    sandbox.hook("cc-next", "SessionEnd", &crash, json!({"reason": "exit"}));
    sandbox.wait_for_outcome("cc-crash", "resumed").await;
    assert!(sandbox.evidence_of("cc-crash").contains("resume taken"));
    // Nobody takes the other one up: abandoned once its wait is over.
    sandbox.wait_for_outcome("cc-left", "abandoned").await;

    // `--outcome` filters; the summary counts sessions by outcome name.
    let filtered = sandbox.shim(&[
        "sessions",
        "--since",
        "1h",
        "--outcome",
        "abandoned",
        "--json",
    ]);
    let filtered: Value = serde_json::from_slice(&filtered.stdout).expect("JSON");
    let chats: Vec<&str> = filtered["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .filter_map(|session| session["chat_id"].as_str())
        .collect();
    assert_eq!(chats, ["cc-left"]);
    let summary = sandbox.shim(&["analytics", "--since", "1h", "--json"]);
    assert!(summary.status.success(), "{summary:?}");
    let summary: Value = serde_json::from_slice(&summary.stdout).expect("JSON");
    let outcomes = &summary["outcomes"];
    for (name, count) in [
        ("clean", 4),
        ("compacted", 1),
        ("too_long", 1),
        ("api_error", 1),
        ("resumed", 1),
        ("abandoned", 1),
        ("interrupted", 0),
        ("open", 0),
    ] {
        assert_eq!(outcomes[name], count, "{name} in {outcomes}");
    }
    assert_eq!(summary["resumes"]["taken"], 1, "{summary}");
    assert!(summary["events_read"].as_u64() > Some(20), "{summary}");
    // The readable form says the same.
    let text = sandbox.shim(&["analytics", "--since", "1h"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("abandoned 1") && text.contains("resumed 1"),
        "{text}"
    );
    let prediction = sandbox.shim(&["analytics", "crash-prediction", "--since", "1h", "--json"]);
    let prediction: Value = serde_json::from_slice(&prediction.stdout).expect("JSON");
    assert_eq!(prediction["sessions"], 9, "{prediction}");
    assert_eq!(prediction["bad_outcomes"], 5, "{prediction}");
    assert_eq!(
        prediction["checkpoint_within_last_n"]["interrupted"], 2,
        "{prediction}"
    );

    // The report: the same period as Markdown and as one HTML page, both private to the user.
    let out = tempfile::tempdir().expect("temp dir");
    let report = sandbox.shim(&[
        "report",
        "--since",
        "1h",
        "--out",
        &out.path().display().to_string(),
    ]);
    assert!(report.status.success(), "{report:?}");
    let written: Vec<std::path::PathBuf> = String::from_utf8_lossy(&report.stdout)
        .lines()
        .map(std::path::PathBuf::from)
        .collect();
    assert_eq!(written.len(), 2, "{report:?}");
    for path in &written {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .expect("written")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{}", path.display());
    }
    let markdown = std::fs::read_to_string(&written[0]).expect("markdown");
    let sessions = summary["sessions"].as_u64().expect("sessions");
    for expected in [
        format!("- {sessions} sessions"),
        "| abandoned | 1 |".to_owned(),
        "| resumed | 1 |".to_owned(),
        "| too\\_long | 1 |".to_owned(),
        "- Resumes: ".to_owned(),
    ] {
        assert!(
            markdown.contains(&expected),
            "{expected:?} not in\n{markdown}"
        );
    }
    let html = std::fs::read_to_string(&written[1]).expect("html");
    assert!(html.ends_with("</html>\n"), "{html}");
    // A period reaching back past 1970 has none before it to compare with: the report is written all the same.
    let all_time = sandbox.shim(&[
        "report",
        "--since",
        "60y",
        "--out",
        &out.path().display().to_string(),
    ]);
    assert!(all_time.status.success(), "{all_time:?}");
    // More sessions than one answer lists is a usage error, not a quiet cut.
    let too_many = sandbox.shim(&["sessions", "--limit", "2001"]);
    assert_eq!(too_many.status.code(), Some(2), "{too_many:?}");
    assert!(
        String::from_utf8_lossy(&too_many.stderr).contains("1..=2000"),
        "{too_many:?}"
    );

    // README's line exactly as written, in a project directory: `shim-node report --out reports`.
    let (_cwd, cwd) = project();
    let readme = Command::new("sh")
        .args(["-c", &format!("{EXE} report --out reports")])
        .current_dir(&cwd)
        .envs(sandbox.env())
        .env_remove("SHIM_LOG")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs");
    assert!(readme.status.success(), "{readme:?}");
    let mut names: Vec<String> = std::fs::read_dir(cwd.join("reports"))
        .expect("reports/ made")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    let printed: Vec<String> = String::from_utf8_lossy(&readme.stdout)
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(
        names[0].starts_with("shim-report-") && names[0].ends_with(".html"),
        "{names:?}"
    );
    assert_eq!(names[0].replace(".html", ".md"), names[1], "{names:?}");
    assert_eq!(
        printed,
        [
            format!("reports/{}", names[1]),
            format!("reports/{}", names[0])
        ],
        "the paths written, Markdown first"
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(cwd.join("reports"))
            .expect("made")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "the reports directory is private");
    }
    assert_eq!(html.matches("<svg ").count(), 4, "{html}");
    assert!(!html.contains("<script"), "{html}");

    assert!(mcp.close().await);
    node.kill_9();
}

/// Every session the analytics service lists (none while it cannot answer).
async fn listed(
    nodes: &shim_node::nats::NodeClient,
) -> Vec<shim_protocol::messages::SessionRecord> {
    nodes
        .request_service::<_, shim_protocol::messages::SessionList>(
            shim_protocol::subject::ANALYTICS_SESSIONS,
            &shim_protocol::messages::SessionsRequest {
                since_ms: 0,
                ..Default::default()
            },
        )
        .await
        .map(|list| list.sessions)
        .unwrap_or_default()
}

/// Claude Code's `api_request` record for `chat_id`, made `ago_ms` before now, taking `duration_ms` and costing
/// `cost_opt` (sent as strings, as its exporter sends them).
fn timed_request(
    chat_id: &str,
    ago_ms: u64,
    duration_ms: u64,
    cost_opt: Option<&str>,
) -> opentelemetry_proto::tonic::logs::v1::LogRecord {
    use shim_tests::otlp::{event, kv, text};
    let mut attributes = vec![
        kv("model", text("claude-sonnet-4-5")),
        kv("duration_ms", text(&duration_ms.to_string())),
        kv("input_tokens", text("1200")),
        kv("output_tokens", text("300")),
    ];
    if let Some(cost) = cost_opt {
        attributes.push(kv("cost_usd", text(cost)));
    }
    let mut record = event("api_request", chat_id, attributes);
    record.time_unix_nano = (shim_actors::now_ms() - ago_ms) * 1_000_000;
    record
}

#[tokio::test]
async fn a_sessions_api_requests_and_routed_prompts_are_summed_into_its_record_and_outcome() {
    use prost::Message as _;
    use shim_protocol::{
        NodeOp,
        messages::{
            OverrideReply, OverrideRequest, RouteReply, RouteRequest, SessionEndReply,
            SessionEndRequest, SessionStartReply, SessionStartRequest,
        },
        subject::{ROUTER_OVERRIDE, ROUTER_ROUTE},
    };
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let nodes = node.client().await;
    let events = async_nats::connect(nats.url()).await.expect("connects");
    let mut outcomes =
        shim_tests::EventFeed::subscribe(&events, "shim.events.sessions.outcome").await;
    let chat_id = "cc-usage";
    let started: SessionStartReply = nodes
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some(chat_id.to_owned()),
                client: Some("claude-code".to_owned()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("the session starts");
    shim_tests::remember(&started);

    // Three requests in one export, as Claude Code batches them, the last without a cost; the same export
    // sent again (its exporter retrying) counts nothing more.
    let export = shim_tests::otlp::logs(vec![
        timed_request(chat_id, 3_000, 1_000, Some("0.0125")),
        timed_request(chat_id, 2_000, 2_000, Some("0.025")),
        timed_request(chat_id, 1_000, 3_000, None),
    ])
    .encode_to_vec();
    for _ in 0..2 {
        let response = node
            .otlp()
            .post(
                "/v1/logs",
                &[("Content-Type", "application/x-protobuf")],
                &export,
            )
            .await;
        assert_eq!(response.status, 200);
    }
    // Two prompts routed for the chat, and one decision overridden (the router names the chat on it).
    for prompt in ["fix the typo in README", "design a lock-free queue"] {
        let _: RouteReply = nodes
            .request_service(
                ROUTER_ROUTE,
                &RouteRequest {
                    prompt: prompt.to_owned(),
                    strategy: None,
                    chat_id: Some(chat_id.to_owned()),
                },
            )
            .await
            .expect("routed");
    }
    let _: OverrideReply = nodes
        .request_service(
            ROUTER_OVERRIDE,
            &OverrideRequest {
                prompt: "fix the typo in README".to_owned(),
                recommended: "haiku".to_owned(),
                chosen: "opus".to_owned(),
                reason: None,
                chat_id: Some(chat_id.to_owned()),
            },
        )
        .await
        .expect("recorded");

    // The record sums them before the session ends (telemetry that comes after its outcome is decided updates
    // the record, but the outcome event has gone).
    let sums = |record: &shim_protocol::messages::SessionRecord| {
        (
            record.api_requests,
            record.cost_usd,
            record.api_duration_ms,
            record.routed,
            record.overrides,
        )
    };
    let expected = (3, Some(0.0375), 6_000, 2, 1);
    let summed = wait_until(
        || async {
            listed(&nodes)
                .await
                .iter()
                .any(|record| record.chat_id == chat_id && sums(record) == expected)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(summed, "{:#?}", listed(&nodes).await);
    let _: SessionEndReply = shim_tests::acting(&nodes, chat_id)
        .request(
            NodeOp::SessionEnd,
            &SessionEndRequest {
                chat_id: chat_id.to_owned(),
                reason: Some("done".to_owned()),
                claude_pid: None,
            },
        )
        .await
        .expect("the session ends");
    let (_, outcome) = outcomes.next().await;
    assert_eq!(outcome["chat_id"], chat_id, "{outcome}");
    let data = &outcome["data"];
    assert_eq!(data["outcome"], "clean", "{outcome}");
    assert_eq!(
        (
            data["api_requests"].as_u64(),
            data["cost_usd"].as_f64(),
            data["api_duration_ms"].as_u64(),
            data["routed"].as_u64(),
            data["overrides"].as_u64()
        ),
        (Some(3), Some(0.0375), Some(6_000), Some(2), Some(1)),
        "{outcome}"
    );
    let ended = listed(&nodes).await;
    let record = ended
        .iter()
        .find(|record| record.chat_id == chat_id)
        .expect("its record");
    assert_eq!(sums(record), expected, "{record:#?}");
    node.stop().await;
}

#[tokio::test]
async fn events_are_kept_with_the_configured_limits_and_read_from_another_connection() {
    let nats = NatsServer::start();
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let js = jetstream::new(client.clone());
    // A stream from an earlier configuration: one day, 8 MiB.
    js.create_stream(stream::Config {
        name: "SHIM_EVENTS".to_owned(),
        subjects: vec!["shim.events.>".to_owned()],
        max_age: Duration::from_secs(24 * 3600),
        max_bytes: 8 << 20,
        ..stream::Config::default()
    })
    .await
    .expect("creates");
    // The session bucket from the same earlier configuration (a bucket is a stream `KV_<name>`).
    js.create_stream(stream::Config {
        name: "KV_shim_sessions".to_owned(),
        subjects: vec!["$KV.shim_sessions.>".to_owned()],
        max_messages_per_subject: 1,
        max_age: Duration::from_secs(24 * 3600),
        allow_rollup: true,
        deny_delete: true,
        allow_direct: true,
        ..stream::Config::default()
    })
    .await
    .expect("creates");
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.analytics.max_age_days = 3;
    config.analytics.max_bytes = 64 << 20;
    let node = TestNode::start_with(config, data_dir).await;
    let buckets = js
        .get_stream("KV_shim_sessions")
        .await
        .expect("bucket")
        .info()
        .await
        .expect("info")
        .config
        .clone();
    assert_eq!(
        buckets.max_age,
        Duration::from_secs(3 * 24 * 3600),
        "the session bucket is brought to the configured age too"
    );

    let mut stream = js.get_stream("SHIM_EVENTS").await.expect("stream");
    let info = stream.info().await.expect("info");
    assert_eq!(info.config.max_age, Duration::from_secs(3 * 24 * 3600));
    assert_eq!(info.config.max_bytes, 64 << 20);
    assert_eq!(info.config.storage, stream::StorageType::File);
    assert_eq!(info.config.retention, stream::RetentionPolicy::Limits);

    // The node's own start is in the stream, readable from this other connection.
    let read = wait_until(
        || async {
            stream
                .get_last_raw_message_by_subject("shim.events.node.started")
                .await
                .ok()
                .and_then(|message| serde_json::from_slice::<Value>(&message.payload).ok())
                .is_some_and(|event| event["node_id"] == node.node_id())
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(read, "node.started is stored");

    // Garbage on an event subject is stored too; the ledger and the summary skip it and count it.
    // (On a subject the ledger reads: it is given only the kinds of event that concern a session.)
    for garbage in [&b"{not json"[..], b"\xff\xfe", b"[]", b"{\"type\": 5}"] {
        client
            .publish("shim.events.chats.started", garbage.to_vec().into())
            .await
            .expect("publishes");
    }
    client
        .publish(
            "shim.events.chats.started",
            json!({"type": "chats.started", "ts": "2026-01-01T00:00:00.000Z", "node_id": "elsewhere", "chat_id": "after-garbage", "data": {"client": "claude-desktop"}})
                .to_string()
                .into(),
        )
        .await
        .expect("publishes");
    client.flush().await.expect("flush");
    let metrics_ok = wait_until(
        || async {
            let body = node.metrics().await;
            shim_tests::node::metric_value(
                &body,
                "shim_analytics_bad_events_total",
                &["reader=\"ledger\""],
            ) >= Some(4.0)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(metrics_ok, "bad events counted:\n{}", node.metrics().await);
    let nodes = node.client().await;
    let recorded = wait_until(
        || async {
            listed(&nodes)
                .await
                .iter()
                .any(|session| session.chat_id == "after-garbage")
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(recorded, "the ledger went on after the garbage");
    let summary: shim_protocol::messages::AnalyticsSummary = nodes
        .request_service(
            shim_protocol::subject::ANALYTICS_SUMMARY,
            &shim_protocol::messages::SummaryRequest {
                since_ms: 0,
                ..Default::default()
            },
        )
        .await
        .expect("summary");
    assert!(summary.events_read >= 5, "{summary:?}");
    // A period after every stored event: nothing to read, answered at once rather than after the deadline.
    let asked = std::time::Instant::now();
    let empty: shim_protocol::messages::AnalyticsSummary = nodes
        .with_timeout(Duration::from_secs(10))
        .request_service(
            shim_protocol::subject::ANALYTICS_SUMMARY,
            &shim_protocol::messages::SummaryRequest {
                since_ms: shim_actors::now_ms() + 60_000,
                until_ms: Some(shim_actors::now_ms() + 120_000),
                last_calls: None,
            },
        )
        .await
        .expect("an empty period is answered");
    assert_eq!(empty.events_read, 0, "{empty:?}");
    eprintln!("empty period answered in {:?}", asked.elapsed());
    // A period ending after the year 9999 cannot be written as a date: refused with the reason, at once (its
    // summary once panicked while writing the period, and the asker waited out its deadline).
    for (since_ms, until_ms) in [(0, u64::MAX), (u64::MAX - 1, u64::MAX)] {
        let refused = nodes
            .with_timeout(Duration::from_secs(10))
            .request_service::<_, shim_protocol::messages::AnalyticsSummary>(
                shim_protocol::subject::ANALYTICS_SUMMARY,
                &shim_protocol::messages::SummaryRequest {
                    since_ms,
                    until_ms: Some(until_ms),
                    last_calls: None,
                },
            )
            .await
            .expect_err("a period past 9999 is refused");
        assert!(refused.to_string().contains("year 9999"), "{refused}");
    }
    let body = node.metrics().await;
    assert!(
        shim_tests::node::metric_value(
            &body,
            "shim_analytics_bad_events_total",
            &["reader=\"query\""]
        ) >= Some(3.0),
        "{body}"
    );
    node.stop().await;
}

#[tokio::test]
async fn with_the_store_off_no_stream_is_made() {
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.analytics.enabled = false;
    let node = TestNode::start_with(config, data_dir).await;
    let client = async_nats::connect(nats.url()).await.expect("connects");
    assert!(
        jetstream::new(client)
            .get_stream("SHIM_EVENTS")
            .await
            .is_err()
    );
    node.stop().await;
}

/// The lease `analytics-sweeper` as the bucket holds it: (node, expires_at_ms).
async fn sweeper_lease(js: &jetstream::Context) -> Option<(String, u64)> {
    let store = js.get_key_value("shim_leases").await.ok()?;
    let value = store.get("analytics-sweeper").await.ok()??;
    let record: Value = serde_json::from_slice(&value).ok()?;
    Some((
        record["node"].as_str()?.to_owned(),
        record["expires_at_ms"].as_u64()?,
    ))
}

/// How many `leases.taken` events of the lease `analytics-sweeper` the store holds (other leases, such as
/// the roller's, are taken too).
async fn leases_taken(js: &jetstream::Context) -> u64 {
    use futures::StreamExt;
    let stream = js.get_stream("SHIM_EVENTS").await.expect("events stream");
    let consumer: jetstream::consumer::PullConsumer = stream
        .create_consumer(jetstream::consumer::pull::Config {
            filter_subject: "shim.events.leases.taken".to_owned(),
            ack_policy: jetstream::consumer::AckPolicy::None,
            ..Default::default()
        })
        .await
        .expect("consumer");
    let mut batch = consumer
        .fetch()
        .max_messages(1_000)
        .messages()
        .await
        .expect("fetch");
    let mut taken = 0;
    while let Some(Ok(message)) = batch.next().await {
        let event: Value = serde_json::from_slice(&message.payload).unwrap_or_default();
        if event["data"]["lease"] == "analytics-sweeper" {
            taken += 1;
        }
    }
    taken
}

#[tokio::test]
async fn one_node_sweeps_and_another_takes_over_when_it_is_killed() {
    let nats = NatsServer::start();
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let js = jetstream::new(client.clone());
    let dirs = [
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    ];
    let env = [
        ("SHIM_ANALYTICS_ABANDON_AFTER_S", "4"),
        ("SHIM_METRICS_ADDR", "off"),
        ("SHIM_OTLP_ADDR", "off"),
    ];
    let mut first = NodeProcess::start_with_env(EXE, &nats.url(), "sweep-a", dirs[0].path(), &env);
    let _ = wait_for_node(&nats.url(), "sweep-a", DEADLINE).await;
    let held_by_a = wait_until(
        || async {
            sweeper_lease(&js)
                .await
                .is_some_and(|(node, _)| node == "sweep-a")
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(held_by_a, "the first node takes the sweeper lease");

    // A second node on the same NATS: the first keeps the lease, renewing it, and the second never takes it.
    let mut second = NodeProcess::start_with_env(EXE, &nats.url(), "sweep-b", dirs[1].path(), &env);
    let nodes = wait_for_node(&nats.url(), "sweep-b", DEADLINE).await;
    let (_, expires_then) = sweeper_lease(&js).await.expect("a lease");
    let renewed = wait_until(
        || async {
            let (node, expires) = sweeper_lease(&js).await.expect("a lease");
            assert_eq!(node, "sweep-a", "only one node holds the sweeper lease");
            expires >= expires_then + 2_000
        },
        DEADLINE,
        Duration::from_millis(100),
    )
    .await;
    assert!(renewed, "the holder renews its lease");
    assert_eq!(leases_taken(&js).await, 1, "taken once, by the first node");

    // A session whose process went away, recorded while the first node sweeps.
    let now = shim_actors::now_ms();
    for (kind, data, at_ms) in [
        (
            "chats.started",
            json!({"client": "claude-code"}),
            now - 1_000,
        ),
        ("chats.gone", json!({"from": "away"}), now),
    ] {
        let event = json!({
            "type": kind,
            "ts": shim_node::analytics::outcome::stamp_millis(at_ms),
            "node_id": "elsewhere",
            "chat_id": "orphan",
            "data": data,
        });
        client
            .publish(format!("shim.events.{kind}"), event.to_string().into())
            .await
            .expect("publishes");
    }
    client.flush().await.expect("flush");
    let outcome = |wanted: shim_protocol::messages::SessionOutcome| {
        let nodes = nodes.clone();
        async move {
            listed(&nodes)
                .await
                .iter()
                .any(|session| session.chat_id == "orphan" && session.outcome == Some(wanted))
        }
    };
    let interrupted = wait_until(
        || outcome(shim_protocol::messages::SessionOutcome::Interrupted),
        DEADLINE,
        POLL,
    )
    .await;
    assert!(interrupted, "the orphan is recorded interrupted");

    // The holder dies without a word: its lease lapses and the other node takes it, and sweeps.
    first.kill_9();
    let taken_over = wait_until(
        || async {
            sweeper_lease(&js)
                .await
                .is_some_and(|(node, _)| node == "sweep-b")
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(taken_over, "the second node takes the lease over");
    assert_eq!(
        leases_taken(&js).await,
        2,
        "taken once more, by the second node"
    );
    let abandoned = wait_until(
        || outcome(shim_protocol::messages::SessionOutcome::Abandoned),
        DEADLINE,
        Duration::from_millis(200),
    )
    .await;
    assert!(abandoned, "the new holder sweeps");
    second.kill_9();
}

#[tokio::test]
async fn a_listing_reads_at_most_its_cap_of_records_and_says_it_was_cut() {
    use futures::StreamExt;
    use shim_node::analytics::{MAX_LISTED_SESSIONS, outcome::StoredSession};
    use shim_protocol::messages::{SessionList, SessionOutcome, SessionsRequest};

    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let js = jetstream::new(client);
    let store = js.get_key_value("shim_sessions").await.expect("bucket");
    let now = shim_actors::now_ms();
    let record = |chat_id: String, outcome: SessionOutcome| {
        let mut session = StoredSession::new(&chat_id, now - 60_000);
        session.record.outcome = Some(outcome);
        session.record.ended_at_ms = Some(now - 1_000);
        (chat_id, serde_json::to_vec(&session).expect("encodes"))
    };
    // The oldest records are abandoned, and more than a listing reads come after them.
    let old = (0..5).map(|index| record(format!("old-{index}"), SessionOutcome::Abandoned));
    for (key, value) in old {
        store.put(key, value.into()).await.expect("put");
    }
    let newer =
        (0..MAX_LISTED_SESSIONS).map(|index| record(format!("new-{index}"), SessionOutcome::Clean));
    let written = futures::stream::iter(newer)
        .map(|(key, value)| {
            let store = store.clone();
            async move { store.put(key, value.into()).await.is_ok() }
        })
        .buffer_unordered(256)
        .filter(|ok| futures::future::ready(*ok))
        .count()
        .await;
    assert_eq!(written, MAX_LISTED_SESSIONS);

    let nodes = node.client().await.with_timeout(Duration::from_secs(30));
    let list: SessionList = nodes
        .request_service(
            shim_protocol::subject::ANALYTICS_SESSIONS,
            &SessionsRequest {
                since_ms: 0,
                outcome: Some(SessionOutcome::Abandoned),
                ..Default::default()
            },
        )
        .await
        .expect("listed");
    assert!(list.truncated, "the listing says it was cut");
    assert!(
        list.sessions.is_empty(),
        "only the newest {MAX_LISTED_SESSIONS} are read: {:?}",
        list.sessions
            .iter()
            .map(|session| &session.chat_id)
            .collect::<Vec<_>>()
    );
    // The summary and crash prediction say so too, and the command prints it.
    let period = shim_protocol::messages::SummaryRequest {
        since_ms: 0,
        ..Default::default()
    };
    let summary: shim_protocol::messages::AnalyticsSummary = nodes
        .request_service(shim_protocol::subject::ANALYTICS_SUMMARY, &period)
        .await
        .expect("summary");
    assert!(summary.sessions_truncated, "{summary:?}");
    assert!(summary.crash_prediction.sessions_truncated);
    let prediction: shim_protocol::messages::CrashPrediction = nodes
        .request_service(shim_protocol::subject::ANALYTICS_CRASH_PREDICTION, &period)
        .await
        .expect("crash prediction");
    assert!(prediction.sessions_truncated);
    node.stop().await;
}

/// One stored event of a mix the summary counts (and, every 17th, garbage).
fn mixed_event(index: usize) -> Vec<u8> {
    if index.is_multiple_of(17) {
        return b"{garbage".to_vec();
    }
    let tier = ["haiku", "sonnet", "opus"][index % 3];
    let (kind, data) = match index % 6 {
        0 => (
            "routing.decided",
            json!({"model": tier, "category": format!("c{}", index % 4),
                   "estimated_cost_usd": 0.01, "opus_cost_usd": 0.05}),
        ),
        1 => ("checkpoint.saved", json!({"ms": (index % 97) as f64 + 0.5})),
        2 => ("tasks.claimed", json!({"wait_ms": (index % 31) as f64})),
        3 => (
            "tasks.completed",
            json!({"run_ms": (index * 7 % 1_000) as f64}),
        ),
        4 => (
            "routing.override",
            json!({"category": format!("c{}", index % 4)}),
        ),
        _ => ("telemetry.api_request", json!({"cost_usd": 0.002})),
    };
    json!({"type": kind, "ts": "2026-12-02T10:00:00.000Z", "node_id": "n", "data": data})
        .to_string()
        .into_bytes()
}

/// Publishes `count` events from `first` and returns the time after they are all stored.
async fn store_events(
    client: &async_nats::Client,
    js: &jetstream::Context,
    first: usize,
    count: usize,
) -> u64 {
    for index in first..first + count {
        client
            .publish("shim.events.mixed.event", mixed_event(index).into())
            .await
            .expect("publishes");
    }
    client.flush().await.expect("flush");
    let stored = wait_until(
        || async {
            match js.get_stream("SHIM_EVENTS").await {
                Ok(mut stream) => stream
                    .info()
                    .await
                    .is_ok_and(|info| info.state.last_sequence >= (first + count) as u64),
                Err(_) => false,
            }
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(stored, "events stored");
    // The next burst starts on a later millisecond, so the periods below cut between bursts.
    let after = shim_actors::now_ms() + 1;
    while shim_actors::now_ms() <= after {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    after
}

#[tokio::test]
async fn rollups_give_the_summary_every_event_gives_for_any_period() {
    use shim_node::{
        analytics::{
            provision,
            rollup::{RollPolicy, Rollups},
            summary::{summarise, tally_events},
        },
        config::AnalyticsSettings,
    };
    let nats = NatsServer::start();
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let js = jetstream::new(client.clone());
    let settings = AnalyticsSettings::default();
    provision(&js, &settings).await.expect("stream");
    let t0 = shim_actors::now_ms();
    let t1 = store_events(&client, &js, 0, 400).await;
    let t2 = store_events(&client, &js, 400, 400).await;
    let t3 = store_events(&client, &js, 800, 200).await;
    let now_ns = i128::from(t3) * 1_000_000;

    // Two rollers at once: each full range is written once, whoever gets there first.
    let (one, two) = (
        Rollups::open(&js, &settings).await.expect("rollups"),
        Rollups::open(&js, &settings).await.expect("rollups"),
    );
    let full_only = RollPolicy {
        block: 128,
        after: Duration::from_secs(3_600),
    };
    let (first, second) = tokio::join!(
        one.roll(&js, full_only, now_ns),
        two.roll(&js, full_only, now_ns)
    );
    assert_eq!(
        first.expect("rolls") + second.expect("rolls"),
        7,
        "1,000 events make 7 full ranges of 128"
    );
    assert_eq!(one.spans().await.expect("spans").len(), 7);

    let periods = [(t0, t3), (t1, t3), (t0, t2), (t1, t2), (t0, t1), (t2, t3)];
    let compare = |label: &'static str| {
        let (js, rollups) = (&js, &one);
        async move {
            for (since, until) in periods {
                let from_rollups = tally_events(js, Some(rollups), since, until, DEADLINE)
                    .await
                    .expect("tally");
                let raw = from_rollups.read_raw;
                let from_events = tally_events(js, None, since, until, DEADLINE)
                    .await
                    .expect("tally");
                assert_eq!(from_events.read, from_events.read_raw);
                let with = summarise(from_rollups, &[], since, until, 5);
                let without = summarise(from_events, &[], since, until, 5);
                let context = format!("{label}: period {since}..{until}");
                assert_eq!(with.events_read, without.events_read, "{context}");
                assert_eq!(with.routing, without.routing, "{context}");
                assert_eq!(with.queue, without.queue, "{context}");
                assert_eq!(with.checkpoints, without.checkpoints, "{context}");
                assert!(
                    (with.spend.estimated_usd - without.spend.estimated_usd).abs() < 1e-9,
                    "{context}"
                );
                let cost = |summary: &shim_protocol::messages::AnalyticsSummary| {
                    summary.spend.actual_usd.unwrap_or_default()
                };
                assert!((cost(&with) - cost(&without)).abs() < 1e-9, "{context}");
                if (since, until) == (t0, t3) {
                    assert!(raw < with.events_read, "{context}: rollups were used");
                }
            }
        }
    };
    compare("full ranges rolled up").await;
    let whole = tally_events(&js, Some(&one), t0, t3, DEADLINE)
        .await
        .expect("tally");
    assert_eq!(
        (whole.read, whole.read_raw),
        (1_000, 1_000 - 7 * 128),
        "only the events after the last full range are read"
    );

    // The tail is closed once its oldest event is old enough; then the whole period comes from rollups.
    let tail = RollPolicy {
        block: 128,
        after: Duration::ZERO,
    };
    assert_eq!(one.roll(&js, tail, now_ns).await.expect("rolls"), 1);
    let whole = tally_events(&js, Some(&one), t0, t3, DEADLINE)
        .await
        .expect("tally");
    assert_eq!((whole.read, whole.read_raw), (1_000, 0));
    compare("everything rolled up").await;

    // A rollup that goes away is a gap: its events are read again, and the answer does not change.
    let spans = one.spans().await.expect("spans");
    let store = js.get_key_value("shim_rollups").await.expect("bucket");
    let gone = spans[3];
    let key = format!(
        "v1.{:020}.{:020}.{:020}",
        gone.first, gone.last, gone.last_ns
    );
    store.delete(&key).await.expect("deletes");
    let whole = tally_events(&js, Some(&one), t0, t3, DEADLINE)
        .await
        .expect("tally");
    assert_eq!((whole.read, whole.read_raw), (1_000, 128));
    compare("one rollup gone").await;

    // The stream's last event deleted: a read of the range it ended stops at the last one left, at once,
    // instead of waiting for it until the deadline.
    let mut stream = js.get_stream("SHIM_EVENTS").await.expect("stream");
    let last = stream.info().await.expect("info").state.last_sequence;
    assert!(stream.delete_message(last).await.expect("deletes"));
    let short = Duration::from_secs(10);
    let without_last = tally_events(&js, None, t0, t3, short)
        .await
        .expect("the read ends by itself");
    assert_eq!(without_last.read, 999);

    // A roller that found nothing due goes on once the stream grows: the new events are rolled up.
    assert_eq!(one.roll(&js, tail, now_ns).await.expect("rolls"), 0);
    let t4 = store_events(&client, &js, 1_000, 200).await;
    assert_eq!(
        one.roll(&js, tail, i128::from(t4) * 1_000_000)
            .await
            .expect("rolls"),
        2,
        "a full range of 128 and the tail of 72"
    );
    let later = tally_events(&js, Some(&one), t3, t4, DEADLINE)
        .await
        .expect("tally");
    assert_eq!((later.read, later.read_raw), (200, 0));
}
