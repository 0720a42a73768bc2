//! The MCP server at the JSON-RPC level: every line a client writes is answered (or, for a notification,
//! taken), malformed ones included, and the server goes on serving; and the official MCP Python SDK can
//! use it.

use std::path::Path;

use serde_json::{Value, json};
use shim_tests::{McpClient, NatsServer, TestNode};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

fn spawn_mcp(node: &TestNode, stderr: &Path) -> McpClient {
    let config = node.config_ref();
    let data_dir = config.data_dir.display().to_string();
    McpClient::spawn(
        Path::new(EXE),
        &[
            "--nats-url",
            config.nats_url.as_str(),
            "--node-id",
            node.node_id(),
            "--data-dir",
            data_dir.as_str(),
            "--no-autostart",
        ],
        &[],
        stderr,
    )
}

#[tokio::test]
async fn every_malformed_line_gets_an_answer_and_the_server_keeps_serving() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = spawn_mcp(&node, &logs.path().join("stderr.log"));

    // Before the session begins: garbage is answered, a stray notification is dropped (rmcp alone ends
    // the connection on it), and initialize still works.
    mcp.send_raw("{not json").await;
    let reply = mcp.next_message().await;
    assert_eq!(reply["error"]["code"], -32700, "{reply}");
    assert_eq!(reply["id"], Value::Null, "{reply}");
    mcp.send_raw(
        r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}"#,
    )
    .await;
    mcp.initialize().await;

    // (line, id the answer carries, JSON-RPC error code)
    let cases: Vec<(Vec<u8>, Value, i64)> = vec![
        (b"{\"jsonrpc\":\"2.0\",\"id\":101,\"method\":\"tools/call\",\"params\":{\"name\":\"shim_status\",\"arguments\":{\"chat_id\":\"\\ud800\"}}}".to_vec(), json!(101), -32700),
        (b"{\"jsonrpc\":\"2.0\",\"id\":\"utf8\",\"method\":\"tools/call\",\"params\":{\"name\":\"shim_status\",\"arguments\":{\"chat_id\":\"\xff\xfe\"}}}".to_vec(), json!("utf8"), -32700),
        (br#"{"jsonrpc":"2.0","id":103,"method":"tools/call","params":{"name":5}}"#.to_vec(), json!(103), -32602),
        (br#"{"jsonrpc":"2.0","id":104,"method":"tools/list","params":"all"}"#.to_vec(), json!(104), -32602),
        (br#"{"jsonrpc":"2.0","id":105,"method":"no/such/method","params":{}}"#.to_vec(), json!(105), -32601),
        (br#"{"id":106,"method":"ping"}"#.to_vec(), json!(106), -32600),
        (br#"{"jsonrpc":"2.0","id":107,"method":42}"#.to_vec(), json!(107), -32600),
        (br#"{"jsonrpc":"2.0","id":108,"method":"tools/call","params":{"name":"shim_status"}"#.to_vec(), json!(108), -32700),
        (b"[]".to_vec(), Value::Null, -32600),
        (b"\"just a string\"".to_vec(), Value::Null, -32600),
    ];
    for (line, id, code) in cases {
        mcp.send_bytes(&line).await;
        let reply = mcp.next_message().await;
        let shown = String::from_utf8_lossy(&line);
        assert_eq!(reply["jsonrpc"], "2.0", "{shown}: {reply}");
        assert_eq!(reply["id"], id, "{shown}: {reply}");
        assert_eq!(reply["error"]["code"], code, "{shown}: {reply}");
        assert!(
            reply["error"]["message"]
                .as_str()
                .is_some_and(|text| !text.is_empty()),
            "{reply}"
        );
    }

    // A batch: MCP has none since 2025-06-18, so each request in it gets an error with its id.
    mcp.send_raw(r#"[{"jsonrpc":"2.0","id":201,"method":"ping"},{"jsonrpc":"2.0","id":"b","method":"ping"}]"#)
        .await;
    let replies = mcp.next_message().await;
    let ids: Vec<&Value> = replies
        .as_array()
        .unwrap_or_else(|| panic!("a batch is answered with an array: {replies}"))
        .iter()
        .map(|reply| &reply["id"])
        .collect();
    assert_eq!(ids, [&json!(201), &json!("b")]);

    // Notifications still reach rmcp and get no answer: the next line is the ping's.
    mcp.send_raw(
        r#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":999}}"#,
    )
    .await;
    mcp.send_raw(r#"{"jsonrpc":"2.0","id":301,"method":"ping"}"#)
        .await;
    let pong = mcp.next_message().await;
    assert_eq!(pong["id"], 301, "{pong}");
    assert!(pong["result"].is_object(), "{pong}");

    // And it still serves tools, against the real node.
    let status = mcp.call_tool("shim_status", json!({})).await;
    assert_ne!(status["isError"], json!(true), "{status}");
    assert_eq!(status["structuredContent"]["node_id"], node.node_id());
    assert!(
        mcp.close().await,
        "shim-node mcp exits cleanly when stdin closes"
    );
    node.stop().await;
}

/// The official MCP Python SDK (`pip install mcp`) lists the tools and calls one. Needs `python3` with
/// the `mcp` package; fails, saying so, without them.
#[tokio::test]
async fn the_official_python_sdk_lists_tools_and_calls_shim_status() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let config = node.config_ref();
    let script = shim_tests::repo_root().join("tests/python/mcp_sdk_client.py");
    let output = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        tokio::process::Command::new("python3")
            .arg(&script)
            .arg(EXE)
            .args(["--nats-url", &config.nats_url, "--node-id", node.node_id()])
            .arg("--data-dir")
            .arg(&config.data_dir)
            .arg("--no-autostart")
            .kill_on_drop(true)
            .output(),
    )
    .await
    .expect("the SDK client finishes within 60 s")
    .expect("python3 runs (install python3 and `pip install mcp`)");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the SDK client failed (is the `mcp` package installed? `pip install mcp`): {stderr}"
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|error| {
        panic!(
            "the SDK client prints one JSON object ({error}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    let tools: Vec<&str> = report["tools"]
        .as_array()
        .expect("tool names")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(tools.contains(&"shim_status"), "{tools:?}");
    assert!(tools.contains(&"shim_checkpoint"), "{tools:?}");
    assert_eq!(report["is_error"], false, "{report}");
    assert_eq!(report["status"]["node_id"], node.node_id(), "{report}");
    // The list as the SDK holds it fits the budget too.
    let list_bytes = report["list_bytes"].as_u64().expect("list_bytes") as usize;
    assert!(
        list_bytes <= shim_node::mcp::tool_list::TOOL_LIST_BUDGET_BYTES,
        "{list_bytes} bytes"
    );
    node.stop().await;
}

/// The whole `tools/list` result, as the server writes it, fits the budget a chat pays on every turn; the
/// schemas carry no noise; values from a fixed set are enums; progress is a percent everywhere.
#[tokio::test]
async fn the_tool_list_fits_its_budget() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = spawn_mcp(&node, &logs.path().join("stderr.log"));
    mcp.initialize().await;
    let list = mcp
        .request("tools/list", json!({}))
        .await
        .expect("tools/list");
    let text = serde_json::to_string(&list).expect("serializes");
    let tools = list["tools"].as_array().expect("tools");
    println!(
        "tools/list result: {} bytes, {} tools",
        text.len(),
        tools.len()
    );
    assert!(
        text.len() <= shim_node::mcp::tool_list::TOOL_LIST_BUDGET_BYTES,
        "tools/list is {} bytes, over the budget of {}",
        text.len(),
        shim_node::mcp::tool_list::TOOL_LIST_BUDGET_BYTES
    );
    assert!(!text.contains("$schema"), "no $schema keys");
    assert!(!text.contains("\"default\":null"), "no null defaults");
    assert!(!text.contains("outputSchema"), "no output schemas");
    assert!(
        !text.contains("\"null\""),
        "optional arguments are not typed null"
    );

    let property = |tool: &str, name: &str| -> Value {
        tools
            .iter()
            .find(|entry| entry["name"] == tool)
            .unwrap_or_else(|| panic!("{tool} listed"))["inputSchema"]["properties"][name]
            .clone()
    };
    let tiers = json!(["haiku", "sonnet", "opus"]);
    assert_eq!(
        property("shim_dispatch_task", "priority")["enum"],
        json!(["critical", "high", "normal", "low"])
    );
    assert_eq!(
        property("shim_route_model", "strategy")["enum"],
        json!(["balanced", "quality", "cost"])
    );
    assert_eq!(
        property("shim_record_override", "recommended")["enum"],
        tiers
    );
    assert_eq!(property("shim_record_override", "chosen")["enum"], tiers);
    // Descriptions agree with the schemas: a tool that says it takes nothing has no arguments, and every
    // argument of shim_check_resume is named in its description.
    for tool in tools {
        let says_nothing = tool["description"]
            .as_str()
            .is_some_and(|text| text.to_lowercase().contains("takes nothing"));
        let arguments = tool["inputSchema"]["properties"]
            .as_object()
            .map_or(0, |properties| properties.len());
        assert!(
            !(says_nothing && arguments > 0),
            "{} says it takes nothing but has {arguments} arguments",
            tool["name"]
        );
    }
    let check_resume = tools
        .iter()
        .find(|entry| entry["name"] == "shim_check_resume")
        .expect("shim_check_resume listed");
    for (name, _) in check_resume["inputSchema"]["properties"]
        .as_object()
        .expect("properties")
    {
        assert!(
            check_resume["description"]
                .as_str()
                .is_some_and(|text| text.contains(name.as_str())),
            "{check_resume}"
        );
    }
    for tool in ["shim_checkpoint", "shim_task_progress"] {
        let progress = property(tool, "progress");
        assert_eq!(
            (progress["minimum"].as_f64(), progress["maximum"].as_f64()),
            (Some(0.0), Some(100.0)),
            "{tool}: {progress}"
        );
    }

    // shim_checkpoint takes a percent, like shim_task_progress, and refuses anything else.
    let saved = mcp
        .call_tool(
            "shim_checkpoint",
            json!({"summary": "half way", "progress": 50}),
        )
        .await;
    assert_ne!(saved["isError"], json!(true), "{saved}");
    let checkpoint_id = saved["structuredContent"]["checkpoint_id"]
        .as_str()
        .expect("checkpoint id")
        .to_owned();
    let checkpoint: shim_protocol::messages::Checkpoint = node
        .client()
        .await
        .request(
            shim_protocol::NodeOp::CheckpointGet,
            &shim_protocol::messages::GetCheckpointRequest { checkpoint_id },
        )
        .await
        .expect("checkpoint");
    assert!(
        (checkpoint.task.progress - 0.5).abs() < 1e-9,
        "{:?}",
        checkpoint.task
    );
    let refused = mcp
        .call_tool(
            "shim_checkpoint",
            json!({"summary": "too far", "progress": 150}),
        )
        .await;
    assert_eq!(refused["isError"], json!(true), "{refused}");
    assert!(refused.to_string().contains("0 to 100"), "{refused}");
    assert!(mcp.close().await);
    node.stop().await;
}

/// A client whose last line has no newline before its input ends (`printf '...' | shim-node mcp`) is still
/// answered, a request and a malformed line alike.
#[tokio::test]
async fn a_last_line_without_its_newline_is_answered() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let config = node.config_ref();
    for (input, expected_id) in [
        (r#"{"jsonrpc":"2.0","id":7,"method":"ping"}"#, json!(7)),
        (r#"{"jsonrpc":"2.0","id":8,"method":"#, json!(8)),
    ] {
        let mut child = tokio::process::Command::new(EXE)
            .arg("mcp")
            .args(["--nats-url", config.nats_url.as_str()])
            .args(["--node-id", node.node_id(), "--no-autostart", "--data-dir"])
            .arg(&config.data_dir)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("shim-node mcp runs");
        let mut stdin = child.stdin.take().expect("piped stdin");
        tokio::io::AsyncWriteExt::write_all(&mut stdin, input.as_bytes())
            .await
            .expect("writes");
        drop(stdin);
        let output = tokio::time::timeout(shim_tests::DEADLINE, child.wait_with_output())
            .await
            .expect("the server ends with its input")
            .expect("waits");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let answer: Value = serde_json::from_str(stdout.lines().next().unwrap_or_default())
            .unwrap_or_else(|error| panic!("{input:?} was not answered ({error}): {stdout:?}"));
        assert_eq!(answer["id"], expected_id, "{answer}");
    }
}
