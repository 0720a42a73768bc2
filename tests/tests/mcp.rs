//! `shim-node mcp` spawned as a process and driven over JSON-RPC on its stdio.

use std::path::Path;

use serde_json::{Value, json};
use shim_tests::{McpClient, NatsServer, TestNode};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// Spawns `shim-node mcp` as Claude Desktop would: no Claude Code environment.
fn spawn_mcp(node: &TestNode, stderr: &Path, extra: &[&str]) -> McpClient {
    spawn_mcp_with_env(node, stderr, extra, &[])
}

fn spawn_mcp_with_env(
    node: &TestNode,
    stderr: &Path,
    extra: &[&str],
    env: &[(&str, &str)],
) -> McpClient {
    let config = node.config_ref();
    let data_dir = config.data_dir.display().to_string();
    let mut args = vec![
        "--nats-url",
        config.nats_url.as_str(),
        "--node-id",
        node.node_id(),
        "--data-dir",
        data_dir.as_str(),
    ];
    args.extend_from_slice(extra);
    McpClient::spawn(Path::new(EXE), &args, env, stderr)
}

fn structured(result: &Value) -> &Value {
    assert_ne!(result["isError"], json!(true), "tool failed: {result}");
    &result["structuredContent"]
}

#[tokio::test]
async fn tools_are_listed_and_answer_with_text_and_structured_content() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = spawn_mcp(&node, &logs.path().join("stderr.log"), &["--no-autostart"]);

    let init = mcp.initialize().await;
    assert_eq!(init["serverInfo"]["name"], "shim");
    assert!(init["capabilities"]["tools"].is_object());

    let tools = mcp
        .request("tools/list", json!({}))
        .await
        .expect("tools/list");
    let names: Vec<&str> = tools["tools"]
        .as_array()
        .expect("tool list")
        .iter()
        .filter_map(|tool| tool["name"].as_str())
        .collect();
    assert!(names.contains(&"shim_session_start"), "{names:?}");
    assert!(names.contains(&"shim_status"), "{names:?}");
    for tool in tools["tools"].as_array().expect("tool list") {
        assert!(tool["inputSchema"]["properties"].is_object(), "{tool}");
        assert!(tool["outputSchema"].is_object(), "{tool}");
        assert!(
            tool["description"]
                .as_str()
                .is_some_and(|text| text.len() < 120),
            "descriptions stay short: {tool}"
        );
    }

    let started = mcp
        .call_tool(
            "shim_session_start",
            json!({"name": "desktop chat", "project_dir": "/home/dev/web"}),
        )
        .await;
    let chat_id = structured(&started)["chat_id"]
        .as_str()
        .expect("chat_id")
        .to_owned();
    assert_eq!(structured(&started)["node_id"], node.node_id());
    let text = started["content"][0]["text"]
        .as_str()
        .expect("text content");
    let from_text: Value = serde_json::from_str(text).expect("text content is the same JSON");
    assert_eq!(from_text["chat_id"], chat_id.as_str());

    let status = mcp
        .call_tool("shim_status", json!({"chat_id": chat_id}))
        .await;
    let status = structured(&status);
    assert_eq!(status["chat_id"], chat_id.as_str());
    assert_eq!(status["nats_url"], nats.url());
    assert!(status["uptime_s"].is_u64());
    let actor_names: Vec<&str> = status["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .filter_map(|actor| actor["name"].as_str())
        .collect();
    assert!(actor_names.contains(&"supervisor"));
    assert!(actor_names.contains(&format!("chat_worker.{chat_id}").as_str()));

    // Without chat_id the server's own default chat is used, and stays the same across calls.
    let first = mcp.call_tool("shim_status", json!({})).await;
    let default_chat = structured(&first)["chat_id"]
        .as_str()
        .expect("default chat")
        .to_owned();
    assert_ne!(default_chat, chat_id);
    let second = mcp.call_tool("shim_status", json!({})).await;
    assert_eq!(structured(&second)["chat_id"], default_chat.as_str());

    let transcript = mcp.transcript.clone();
    assert!(
        mcp.close().await,
        "shim-node mcp exits cleanly when stdin closes"
    );
    for line in transcript {
        let message: Value = serde_json::from_str(&line).expect("stdout carries JSON-RPC only");
        assert_eq!(message["jsonrpc"], "2.0");
    }
    node.stop().await;
}

#[tokio::test]
async fn bad_tool_input_is_a_clear_error_and_the_server_keeps_going() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = spawn_mcp(&node, &logs.path().join("stderr.log"), &["--no-autostart"]);
    mcp.initialize().await;

    let bad_id = mcp
        .call_tool("shim_status", json!({"chat_id": "no.dots allowed"}))
        .await;
    assert_eq!(bad_id["isError"], json!(true), "{bad_id}");
    assert!(
        bad_id["content"][0]["text"]
            .as_str()
            .is_some_and(|text| text.contains("chat id")),
        "{bad_id}"
    );

    let wrong_type = mcp
        .request(
            "tools/call",
            json!({"name": "shim_status", "arguments": {"chat_id": 42}}),
        )
        .await;
    match wrong_type {
        Err(error) => assert!(error["message"].is_string(), "{error}"),
        Ok(result) => assert_eq!(result["isError"], json!(true), "{result}"),
    }
    let unknown_tool = mcp
        .request("tools/call", json!({"name": "shim_nope", "arguments": {}}))
        .await;
    match unknown_tool {
        Err(error) => assert!(error["message"].is_string(), "{error}"),
        Ok(result) => assert_eq!(result["isError"], json!(true), "{result}"),
    }
    mcp.send_raw("this is not json").await;

    // A chat the node has never seen (a node restart forgets chats): the call is its first contact.
    let unknown_chat = mcp
        .call_tool(
            "shim_status",
            json!({"chat_id": "chat-from-before-a-restart"}),
        )
        .await;
    assert_eq!(
        structured(&unknown_chat)["chat_id"],
        "chat-from-before-a-restart"
    );

    let status = mcp.call_tool("shim_status", json!({})).await;
    assert!(structured(&status)["node_id"].is_string());
    assert!(mcp.close().await);
    node.stop().await;
}

#[tokio::test]
async fn without_a_node_and_without_autostart_the_tool_says_how_to_fix_it() {
    let nats = NatsServer::start();
    let (config, _data_dir) = TestNode::config(&nats.url());
    let logs = tempfile::tempdir().expect("temp dir");
    let data_dir = config.data_dir.display().to_string();
    let mut mcp = McpClient::spawn(
        Path::new(EXE),
        &[
            "--nats-url",
            &config.nats_url,
            "--node-id",
            &config.node_id,
            "--data-dir",
            &data_dir,
            "--no-autostart",
        ],
        &[],
        &logs.path().join("stderr.log"),
    );
    mcp.initialize().await;
    let result = mcp.call_tool("shim_status", json!({})).await;
    assert_eq!(result["isError"], json!(true));
    let text = result["content"][0]["text"].as_str().expect("error text");
    assert!(text.contains("shim-node run"), "{text}");
    assert!(mcp.close().await);
}

#[tokio::test]
async fn under_claude_code_the_mcp_server_joins_the_chat_its_hooks_opened() {
    use shim_protocol::{
        NodeOp,
        messages::{SessionStartReply, SessionStartRequest},
    };
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    // The SessionStart hook of a Claude Code session opens the chat under the session id, with the pid of
    // the `claude` process, which here is this test process (the MCP server's parent).
    let hooked: SessionStartReply = node
        .client()
        .await
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some("session-7f3a".to_owned()),
                project_dir: Some("/work/project".to_owned()),
                client: Some("claude-code".to_owned()),
                claude_pid: Some(std::process::id()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("hook opens the chat");
    assert_eq!(hooked.chat_id, "session-7f3a");

    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = spawn_mcp_with_env(
        &node,
        &logs.path().join("stderr.log"),
        &["--no-autostart"],
        &[("CLAUDE_PROJECT_DIR", "/work/project")],
    );
    mcp.initialize().await;
    let status = mcp.call_tool("shim_status", json!({})).await;
    assert_eq!(structured(&status)["chat_id"], "session-7f3a");
    let risk = mcp.call_tool("shim_crash_risk", json!({})).await;
    assert_eq!(structured(&risk)["level"], "safe");
    assert!(mcp.close().await);
    node.stop().await;
}
