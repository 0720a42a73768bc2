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
        assert!(
            tool.get("outputSchema").is_none(),
            "results carry no schema (the tool list must stay small): {tool}"
        );
        assert!(
            tool["description"]
                .as_str()
                .is_some_and(|text| text.len() < 160),
            "descriptions stay short: {tool}"
        );
    }

    let web = tempfile::tempdir().expect("temp dir");
    let started = mcp
        .call_tool(
            "shim_session_start",
            json!({"name": "desktop chat", "project_dir": web.path()}),
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

    // A chat id nobody opened is an error, not a new chat.
    let unknown_chat = mcp
        .call_tool("shim_status", json!({"chat_id": "never-opened"}))
        .await;
    assert_eq!(unknown_chat["isError"], json!(true), "{unknown_chat}");

    // A chat this server opened comes back after a node restart (which forgets chats): the call is its first
    // contact with the new node.
    let opened = mcp.call_tool("shim_session_start", json!({})).await;
    let chat_id = structured(&opened)["chat_id"].clone();
    let node = node.restart().await;
    let again = mcp
        .call_tool("shim_status", json!({"chat_id": chat_id}))
        .await;
    assert_eq!(structured(&again)["chat_id"], chat_id);

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
    let project = tempfile::tempdir().expect("temp dir");
    // The SessionStart hook of a Claude Code session opens the chat under the session id, with the pid of
    // the `claude` process, which here is this test process (the MCP server's parent).
    let hooked: SessionStartReply = node
        .client()
        .await
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: Some("session-7f3a".to_owned()),
                project_dir: Some(project.path().display().to_string()),
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

#[tokio::test]
async fn crash_prevention_tools_checkpoint_advise_and_resume() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let project = tempfile::tempdir().expect("temp dir");
    let project_dir = project.path().display().to_string();
    let logs = tempfile::tempdir().expect("temp dir");

    // A Desktop chat in the project works, checkpoints, and is then abandoned.
    let mut first = spawn_mcp(&node, &logs.path().join("first.log"), &["--no-autostart"]);
    first.initialize().await;
    let started = first
        .call_tool(
            "shim_session_start",
            json!({"project_dir": project_dir, "name": "parser"}),
        )
        .await;
    let chat_id = structured(&started)["chat_id"]
        .as_str()
        .expect("chat")
        .to_owned();
    let saved = first
        .call_tool(
            "shim_checkpoint",
            json!({"chat_id": chat_id, "summary": "porting the parser", "next_steps": ["add error recovery"], "progress": 40}),
        )
        .await;
    assert_eq!(structured(&saved)["seq"], 1);
    assert_eq!(structured(&saved)["risk"]["level"], "safe");
    let listed = first
        .call_tool("shim_list_checkpoints", json!({"chat_id": chat_id}))
        .await;
    assert_eq!(
        structured(&listed)["checkpoints"][0]["summary"],
        "porting the parser"
    );

    // The model reports a nearly full context: danger, with the advice exactly once.
    let report = first
        .call_tool(
            "shim_report_signals",
            json!({"chat_id": chat_id, "tokens_used": 170000, "context_window": 200000, "message_count": 12}),
        )
        .await;
    assert_eq!(structured(&report)["level"], "danger");
    assert!(
        structured(&report)["advice"]
            .as_str()
            .is_some_and(|advice| advice.contains("checkpoint"))
    );
    let risk = first
        .call_tool("shim_crash_risk", json!({"chat_id": chat_id}))
        .await;
    assert_eq!(structured(&risk)["level"], "danger");
    assert!(
        structured(&risk).get("advice").is_none(),
        "advice once per level change: {risk}"
    );
    assert!(first.close().await);

    // A new chat in the same project finds it, resumes it, and it is not offered again.
    let mut second = spawn_mcp(&node, &logs.path().join("second.log"), &["--no-autostart"]);
    second.initialize().await;
    let check = second
        .call_tool("shim_check_resume", json!({"project_dir": project_dir}))
        .await;
    assert_eq!(structured(&check)["resume_available"], true, "{check}");
    assert!(
        structured(&check)["resume_prompt"]
            .as_str()
            .is_some_and(|prompt| prompt.contains("1. add error recovery"))
    );
    let checkpoint_id = structured(&check)["checkpoint_id"].clone();
    let resumed = second
        .call_tool("shim_resume", json!({"checkpoint_id": checkpoint_id}))
        .await;
    assert_eq!(structured(&resumed)["checkpoint_id"], checkpoint_id);
    let after = second
        .call_tool("shim_check_resume", json!({"project_dir": project_dir}))
        .await;
    assert_eq!(structured(&after)["resume_available"], false);
    let unknown = second
        .call_tool("shim_resume", json!({"checkpoint_id": "nope:1"}))
        .await;
    assert_eq!(unknown["isError"], json!(true));
    let ended = second.call_tool("shim_end_session", json!({})).await;
    assert_eq!(structured(&ended)["ended"], true);
    assert!(second.close().await);
    node.stop().await;
}

/// The tool calls of the last moments before the client leaves still reach the node: the server waits for the
/// batches on their way before it exits.
#[tokio::test]
async fn the_last_tool_calls_reach_the_node_when_the_client_leaves() {
    use shim_protocol::{
        NodeOp,
        messages::{RiskReport, RiskRequest},
    };

    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = spawn_mcp(&node, &logs.path().join("stderr.log"), &["--no-autostart"]);
    mcp.initialize().await;
    let started = mcp
        .call_tool("shim_session_start", json!({"name": "leaving"}))
        .await;
    let chat_id = structured(&started)["chat_id"]
        .as_str()
        .expect("chat_id")
        .to_owned();
    for _ in 0..3 {
        mcp.call_tool("shim_status", json!({"chat_id": chat_id}))
            .await;
    }
    // The client leaves right after its last answer.
    assert!(mcp.close().await, "the server exits cleanly");

    let risk: RiskReport = node
        .client_for(&chat_id)
        .await
        .request(
            NodeOp::Risk,
            &RiskRequest {
                chat_id: chat_id.clone(),
            },
        )
        .await
        .expect("risk");
    assert_eq!(
        risk.signals.tool_calls, 3,
        "every tool call made before the client left was reported"
    );
}
