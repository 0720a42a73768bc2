//! The chat registry on a real nats-server: heartbeats, away and gone, exactly one sweeper per transition,
//! and chats registered by the MCP server.

use std::time::Duration;

use serde_json::{Value, json};
use shim_node::coordination::{
    kv::{BucketSpec, open_bucket},
    registry::Registry,
};
use shim_protocol::{
    NodeOp, WireError, codec,
    messages::{ChatEntry, ChatList, ChatRole, ChatStatus, HeartbeatRequest, ListChatsRequest},
};
use shim_tests::{DEADLINE, EventFeed, NatsServer, POLL, TestNode, wait_for_chat, wait_until};

async fn registry(nats: &NatsServer, node_id: &str) -> Registry {
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let js = async_nats::jetstream::new(client);
    let store = open_bucket(
        &js,
        &BucketSpec {
            name: "shim_chats".to_owned(),
            history: 1,
            max_age: Duration::ZERO,
            replicas: 1,
        },
    )
    .await
    .expect("bucket");
    Registry::new(store, node_id)
}

const AWAY: Duration = Duration::from_secs(30);
const GONE: Duration = Duration::from_secs(90);

#[tokio::test]
async fn heartbeats_keep_chats_present_and_silence_makes_them_away_then_gone() {
    let nats = NatsServer::start();
    let registry = registry(&nats, "node-a").await;
    let now = 10_000_000;
    let (entry, back) = registry
        .heartbeat(
            HeartbeatRequest {
                chat_id: "worker-1".to_owned(),
                role: Some(ChatRole::Worker),
                name: Some("rust worker".to_owned()),
                capabilities: Some(vec!["rust".to_owned()]),
                ..HeartbeatRequest::default()
            },
            now,
        )
        .await
        .expect("registers");
    assert_eq!(
        (
            entry.status.as_str(),
            entry.role.as_str(),
            entry.node_id.as_str()
        ),
        ("idle", "worker", "node-a")
    );
    assert!(back.is_none());
    // A bare heartbeat keeps what the chat said before.
    let (entry, _) = registry
        .heartbeat(
            HeartbeatRequest {
                chat_id: "worker-1".to_owned(),
                busy: Some(true),
                ..HeartbeatRequest::default()
            },
            now + 5_000,
        )
        .await
        .expect("beats");
    assert_eq!(
        (
            entry.status.as_str(),
            entry.role.as_str(),
            entry.capabilities.len()
        ),
        ("busy", "worker", 1)
    );

    assert!(
        registry
            .sweep(now + 34_999, AWAY, GONE)
            .await
            .expect("sweeps")
            .is_empty(),
        "29.999 s of silence"
    );
    let away = registry
        .sweep(now + 35_000, AWAY, GONE)
        .await
        .expect("sweeps");
    assert_eq!(away.len(), 1);
    assert_eq!(
        (away[0].from.as_str(), away[0].entry.status.as_str()),
        ("busy", "away")
    );
    assert!(
        registry
            .sweep(now + 36_000, AWAY, GONE)
            .await
            .expect("sweeps")
            .is_empty(),
        "once per change"
    );
    let gone = registry
        .sweep(now + 95_000, AWAY, GONE)
        .await
        .expect("sweeps");
    assert_eq!(
        (gone[0].from.as_str(), gone[0].entry.status.as_str()),
        ("away", "gone")
    );
    assert!(
        registry.list(false).await.expect("lists").is_empty(),
        "gone chats are hidden by default"
    );
    assert_eq!(registry.list(true).await.expect("lists").len(), 1);

    // It comes back.
    let (entry, back) = registry
        .heartbeat(
            HeartbeatRequest {
                chat_id: "worker-1".to_owned(),
                ..HeartbeatRequest::default()
            },
            now + 100_000,
        )
        .await
        .expect("beats");
    assert_eq!(
        back.map(|transition| transition.from),
        Some(ChatStatus::Gone)
    );
    // Back from gone it is idle: whatever it was doing was given up when it went away.
    assert_eq!(entry.status, "idle");

    // A role that is not one is refused as the heartbeat is decoded, before the registry sees it.
    #[derive(serde::Serialize)]
    struct RawHeartbeat<'a> {
        chat_id: &'a str,
        role: &'a str,
    }
    let raw = codec::encode(&RawHeartbeat {
        chat_id: "x",
        role: "boss",
    })
    .expect("encodes");
    let bad = codec::decode::<HeartbeatRequest>(&raw).map_err(WireError::from);
    assert!(matches!(bad, Err(WireError::BadRequest { .. })), "{bad:?}");
    let bad = registry
        .heartbeat(
            HeartbeatRequest {
                chat_id: "a.b".to_owned(),
                ..HeartbeatRequest::default()
            },
            now,
        )
        .await;
    assert!(matches!(bad, Err(WireError::BadRequest { .. })));
}

#[tokio::test]
async fn with_several_sweepers_each_change_is_made_once() {
    let nats = NatsServer::start();
    let registries = [
        registry(&nats, "node-a").await,
        registry(&nats, "node-b").await,
        registry(&nats, "node-c").await,
    ];
    for index in 0..10 {
        registries[0]
            .heartbeat(
                HeartbeatRequest {
                    chat_id: format!("chat-{index}"),
                    ..HeartbeatRequest::default()
                },
                1_000,
            )
            .await
            .expect("registers");
    }
    let sweeps: Vec<_> = registries
        .iter()
        .cloned()
        .map(|registry| {
            tokio::spawn(async move { registry.sweep(1_000 + 40_000, AWAY, GONE).await })
        })
        .collect();
    let mut total = 0;
    for sweep in sweeps {
        total += sweep.await.expect("task").expect("sweeps").len();
    }
    assert_eq!(total, 10, "ten chats went away, each reported once");
}

#[tokio::test]
async fn the_node_sweeps_and_publishes_and_mcp_chats_register_themselves() {
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.chat_away_after_s = 1;
    config.chat_gone_after_s = 2;
    let node = TestNode::start_with(config.clone(), data_dir).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.chats.*").await;
    let _: ChatEntry = client
        .request(
            NodeOp::ChatHeartbeat,
            &HeartbeatRequest {
                chat_id: "quiet".to_owned(),
                ..HeartbeatRequest::default()
            },
        )
        .await
        .expect("beats");
    let mut seen = Vec::new();
    while seen.len() < 2 {
        let (_, event) = events.next().await;
        if event["chat_id"] == "quiet" {
            seen.push(event["type"].as_str().unwrap_or_default().to_owned());
        }
    }
    assert_eq!(seen, ["chats.away", "chats.gone"]);

    // A chat opened over MCP is registered and heartbeated by its server.
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node
        .mcp(
            env!("CARGO_BIN_EXE_shim-node-e2e"),
            &logs.path().join("mcp.log"),
        )
        .await;
    let started = mcp
        .call_tool("shim_session_start", json!({"name": "registered"}))
        .await;
    let chat_id = started["structuredContent"]["chat_id"]
        .as_str()
        .expect("chat")
        .to_owned();
    let listed = wait_for_chat(&client, &chat_id, |chat| chat.status == "idle").await;
    assert!(listed);
    let tool = mcp
        .call_tool("shim_list_chats", json!({"include_gone": true}))
        .await;
    assert!(
        tool["structuredContent"]["chats"]
            .as_array()
            .is_some_and(|chats| chats.iter().any(|chat| chat["chat_id"] == chat_id.as_str())),
        "{tool}"
    );
    assert!(mcp.close().await);

    let output = tokio::process::Command::new(env!("CARGO_BIN_EXE_shim-node-e2e"))
        .args([
            "chats",
            "--all",
            "--json",
            "--nats-url",
            &config.nats_url,
            "--node-id",
            &config.node_id,
        ])
        .output()
        .await
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let chats: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert!(chats.as_array().is_some_and(|chats| {
        chats
            .iter()
            .any(|chat| chat["chat_id"] == "quiet" && chat["status"] == "gone")
    }));
    node.stop().await;
}

/// The registry's entry for `chat_id`, gone ones included.
async fn entry(client: &shim_node::nats::NodeClient, chat_id: &str) -> Option<ChatEntry> {
    let list: ChatList = client
        .request(NodeOp::ChatList, &ListChatsRequest { include_gone: true })
        .await
        .expect("lists");
    list.chats.into_iter().find(|chat| chat.chat_id == chat_id)
}

#[tokio::test]
async fn a_chat_ended_over_mcp_stays_ended() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node
        .mcp(
            env!("CARGO_BIN_EXE_shim-node-e2e"),
            &logs.path().join("mcp.log"),
        )
        .await;
    let mut open = async |name: &str| {
        mcp.call_tool("shim_session_start", json!({"name": name}))
            .await["structuredContent"]["chat_id"]
            .as_str()
            .expect("chat")
            .to_owned()
    };
    let done = open("done").await;
    let still_here = open("still here").await;
    let ended = mcp
        .call_tool("shim_end_session", json!({"chat_id": done}))
        .await;
    assert_eq!(ended["structuredContent"]["ended"], true, "{ended}");
    let ended_at_ms = shim_actors::now_ms();
    assert_eq!(
        entry(&client, &done).await.map(|chat| chat.status),
        Some(ChatStatus::Gone)
    );
    // The server's heartbeats go on for its other chat...
    let beat_since = wait_until(
        || async {
            entry(&client, &still_here)
                .await
                .is_some_and(|chat| chat.last_heartbeat_ms > ended_at_ms)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(beat_since, "the MCP server heartbeats its live chat");
    // ...but not for the one that ended: it is still gone after that round of heartbeats.
    let revived = wait_until(
        || async {
            entry(&client, &done)
                .await
                .is_some_and(|chat| chat.status != "gone")
        },
        Duration::from_secs(2),
        POLL,
    )
    .await;
    assert!(!revived, "an ended chat came back");
    // Using its id again is refused, saying why; ending it again is answered as before.
    let used = mcp
        .call_tool(
            "shim_send_message",
            json!({"chat_id": done, "to": still_here, "text": "hello?"}),
        )
        .await;
    assert_eq!(used["isError"], json!(true), "{used}");
    assert!(used.to_string().contains("ended"), "{used}");
    let again = mcp
        .call_tool("shim_end_session", json!({"chat_id": done}))
        .await;
    assert_eq!(again["structuredContent"]["ended"], true, "{again}");
    assert_eq!(
        entry(&client, &done).await.map(|chat| chat.status),
        Some(ChatStatus::Gone)
    );
    assert!(mcp.close().await);
    node.stop().await;
}

/// A chat's name is at most 200 characters (of any script) from a heartbeat and from `session.start` alike: a
/// heartbeat once registered a name of a megabyte, and two such chats made every chat list fail.
#[tokio::test]
async fn a_chats_name_is_at_most_200_characters() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let beat = |name: String| {
        let client = client.clone();
        async move {
            client
                .request::<_, ChatEntry>(
                    NodeOp::ChatHeartbeat,
                    &HeartbeatRequest {
                        chat_id: "named".to_owned(),
                        name: Some(name),
                        ..HeartbeatRequest::default()
                    },
                )
                .await
        }
    };
    let longest = "é".repeat(200);
    let entry = beat(longest.clone())
        .await
        .expect("200 characters are fine");
    assert_eq!(entry.name.as_deref(), Some(longest.as_str()));
    let refused = |result: Result<_, shim_node::nats::ClientError>| match result {
        Err(shim_node::nats::ClientError::Remote(error @ WireError::BadRequest { .. })) => {
            error.to_string()
        }
        other => panic!("a name of 201 characters must be refused: {other:?}"),
    };
    assert_eq!(
        refused(beat("é".repeat(201)).await.map(|_| ())),
        "bad request: name is 201 characters, at most 200"
    );
    let started = client
        .request::<_, shim_protocol::messages::SessionStartReply>(
            NodeOp::SessionStart,
            &shim_protocol::messages::SessionStartRequest {
                name: Some("x".repeat(201)),
                ..Default::default()
            },
        )
        .await;
    assert_eq!(
        refused(started.map(|_| ())),
        "bad request: name is 201 characters, at most 200"
    );
    let list: ChatList = client
        .request(NodeOp::ChatList, &ListChatsRequest::default())
        .await
        .expect("lists");
    let names: Vec<Option<&str>> = list.chats.iter().map(|chat| chat.name.as_deref()).collect();
    assert_eq!(
        names,
        [Some(longest.as_str())],
        "only the named chat, as it was"
    );
    node.stop().await;
}

/// A chat gone and silent for a week (the time its messages are kept) is forgotten by the sweep, so that each
/// sweep reads the chats of the last days rather than every chat there ever was; a chat that heartbeats again
/// registers anew, and one that heartbeated meanwhile is kept.
#[tokio::test]
async fn chats_gone_for_a_week_are_forgotten_and_may_come_back() {
    let nats = NatsServer::start();
    let registry = registry(&nats, "node-a").await;
    let week = shim_node::coordination::registry::FORGET_AFTER.as_millis() as u64;
    let now = 10_000_000;
    let beat = |chat_id: &str, at: u64| {
        let registry = registry.clone();
        let chat_id = chat_id.to_owned();
        async move {
            registry
                .heartbeat(
                    HeartbeatRequest {
                        chat_id,
                        ..HeartbeatRequest::default()
                    },
                    at,
                )
                .await
                .expect("beats")
        }
    };
    beat("old", now).await;
    beat("recent", now).await;
    let gone = registry
        .sweep(now + GONE.as_millis() as u64, AWAY, GONE)
        .await
        .expect("sweeps");
    assert_eq!(gone.len(), 2, "both gone first");
    beat("recent", now + week).await;
    // Just short of a week gone: kept.
    registry
        .sweep(now + week - 1, AWAY, GONE)
        .await
        .expect("sweeps");
    assert!(registry.get("old").await.expect("reads").is_some());
    let later = now + week + GONE.as_millis() as u64;
    registry.sweep(later, AWAY, GONE).await.expect("sweeps");
    assert!(
        registry.get("old").await.expect("reads").is_none(),
        "forgotten"
    );
    let kept = registry.get("recent").await.expect("reads").expect("kept");
    assert_eq!(kept.status, ChatStatus::Gone, "gone, not yet for a week");
    let listed: Vec<String> = registry
        .list(true)
        .await
        .expect("lists")
        .into_iter()
        .map(|entry| entry.chat_id)
        .collect();
    assert_eq!(listed, ["recent"]);
    let (back, _) = beat("old", later + 1).await;
    assert_eq!(back.status, ChatStatus::Idle, "registered anew");
}
