//! The tool-call signal of an MCP tool runs beside the tool, not before its answer, and the danger advice
//! its reply carries still reaches the model, on the chat's next tool result. The node here is a stand-in
//! on real NATS that answers what `shim-node mcp` asks and holds the tool-call signal until the test lets
//! it go, so the order of events is the test's, not the scheduler's.

use std::{path::Path, time::Duration};

use bytes::Bytes;
use futures::StreamExt;
use serde::Serialize;
use serde_json::{Value, json};
use shim_protocol::{
    WireError, codec,
    messages::{
        HelloReply, RiskLevel, RiskReport, SessionStartReply, SignalBatch, SignalEvent,
        SignalSnapshot, StatusReply,
    },
};
use shim_tests::{DEADLINE, McpClient, NatsServer};
use tokio::sync::mpsc;

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");
const NODE: &str = "standin";
const CHAT: &str = "standin-chat";
const ADVICE: &str = "context nearly full: checkpoint now (stand-in)";
/// The MCP server's request timeout: a tool call that waited for its signal would take this long.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

fn reply<T: Serialize>(value: T) -> Bytes {
    Bytes::from(codec::encode_reply(&Ok::<T, WireError>(value)).expect("encodes"))
}

/// A tool-call signal the stand-in received: the tool it reports, and where to answer it.
struct Held {
    tool: String,
    reply_to: async_nats::Subject,
}

/// Answers hello, session.start and status at once; hands every signal request to the test instead.
async fn stand_in(nats_url: &str, signals: mpsc::UnboundedSender<Held>) {
    let client = async_nats::connect(nats_url).await.expect("connects");
    let mut requests = client
        .subscribe(format!("shim.v1.node.{NODE}.>"))
        .await
        .expect("subscribes");
    client.flush().await.expect("flush");
    tokio::spawn(async move {
        while let Some(message) = requests.next().await {
            let Some(reply_to) = message.reply.clone() else {
                continue;
            };
            let op = message
                .subject
                .as_str()
                .trim_start_matches(&format!("shim.v1.node.{NODE}."))
                .to_owned();
            let payload = match op.as_str() {
                "hello" => reply(HelloReply {
                    node_id: NODE.to_owned(),
                    protocol: shim_protocol::PROTOCOL_VERSION,
                    version: "stand-in".to_owned(),
                    uptime_s: 1,
                }),
                "session.start" => reply(SessionStartReply {
                    chat_id: CHAT.to_owned(),
                    node_id: NODE.to_owned(),
                    created: true,
                    chat_secret: None,
                }),
                "status" => reply(StatusReply {
                    node_id: NODE.to_owned(),
                    chat_id: Some(CHAT.to_owned()),
                    nats_url: "stand-in".to_owned(),
                    uptime_s: 1,
                    version: "stand-in".to_owned(),
                    actors: Vec::new(),
                    chat: None,
                }),
                "risk" => reply(risk(None)),
                "signals" => {
                    let batch: SignalBatch = codec::decode(&message.payload).expect("a batch");
                    let tool = match batch.events.first() {
                        Some(SignalEvent::ToolCall { tool, .. }) => tool.clone(),
                        other => panic!("a tool-call signal, got {other:?}"),
                    };
                    let _ = signals.send(Held { tool, reply_to });
                    continue;
                }
                _ => Bytes::from(
                    codec::encode_reply::<()>(&Err(WireError::bad_request("not in the stand-in")))
                        .expect("encodes"),
                ),
            };
            client.publish(reply_to, payload).await.expect("replies");
        }
    });
}

fn risk(advice_opt: Option<&str>) -> RiskReport {
    RiskReport {
        chat_id: CHAT.to_owned(),
        level: RiskLevel::Danger,
        score: 0.9,
        reasons: vec!["context 90% full".to_owned()],
        signals: SignalSnapshot::default(),
        advice: advice_opt.map(str::to_owned),
    }
}

fn structured(result: &Value) -> &Value {
    assert_ne!(result["isError"], json!(true), "tool failed: {result}");
    &result["structuredContent"]
}

#[tokio::test]
async fn a_tool_answers_before_its_signal_and_the_advice_reaches_the_next_result() {
    let nats = NatsServer::start();
    let (signals_tx, mut signals) = mpsc::unbounded_channel();
    stand_in(&nats.url(), signals_tx).await;
    let data = tempfile::tempdir().expect("temp dir");
    let data_dir = data.path().display().to_string();
    let nats_url = nats.url();
    let timeout_ms = REQUEST_TIMEOUT.as_millis().to_string();
    let mut mcp = McpClient::spawn(
        Path::new(EXE),
        &[
            "--nats-url",
            &nats_url,
            "--node-id",
            NODE,
            "--data-dir",
            &data_dir,
            "--no-autostart",
        ],
        &[("SHIM_REQUEST_TIMEOUT_MS", &timeout_ms)],
        &data.path().join("stderr.log"),
    );
    mcp.initialize().await;

    // The status comes back while its tool-call signal is still unanswered: the tool does not wait for it
    // (before, it waited for the signal's reply, here until the request timeout).
    let status = tokio::time::timeout(REQUEST_TIMEOUT / 3, mcp.call_tool("shim_status", json!({})))
        .await
        .expect("shim_status answers without waiting for its tool-call signal");
    assert_eq!(structured(&status)["chat_id"], CHAT);
    assert!(structured(&status).get("advice").is_none(), "{status}");
    // The signal was sent all the same, reporting the call.
    let held = tokio::time::timeout(DEADLINE, signals.recv())
        .await
        .expect("the tool-call signal is sent")
        .expect("stand-in running");
    assert_eq!(held.tool, "shim_status");

    // Its reply carries the danger advice: the chat's next tool result hands it to the model, once.
    let client = async_nats::connect(nats.url()).await.expect("connects");
    client
        .publish(held.reply_to, reply(risk(Some(ADVICE))))
        .await
        .expect("answers the signal");
    client.flush().await.expect("flush");
    // Later signals are answered at once, without advice.
    let answerer = {
        let client = client.clone();
        tokio::spawn(async move {
            while let Some(held) = signals.recv().await {
                let _ = client.publish(held.reply_to, reply(risk(None))).await;
            }
        })
    };
    // The advice lands in the MCP server when the reply does; the chat's next result after that carries it.
    let deadline = tokio::time::Instant::now() + DEADLINE;
    let mut results = Vec::new();
    loop {
        let result = mcp.call_tool("shim_crash_risk", json!({})).await;
        let advised = structured(&result).get("advice").is_some();
        results.push(result);
        if advised {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the advice never reached a tool result: {results:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let last = results.last().expect("a result");
    assert_eq!(structured(last)["advice"], ADVICE, "{last}");
    // Handed out once: the next results carry none.
    for _ in 0..3 {
        let status = mcp.call_tool("shim_status", json!({})).await;
        assert!(structured(&status).get("advice").is_none(), "{status}");
    }
    answerer.abort();
    assert!(mcp.close().await);
}
