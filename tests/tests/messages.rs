//! Messages between chats over JetStream: kept for a chat that is away, in order per sender, broadcast to
//! the others, waited for, and refused when malformed.

use std::time::Duration;

use serde_json::json;
use shim_node::nats::{ClientError, NodeClient};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ChatEntry, ChatMessage, HeartbeatRequest, MessageList, ReadMessagesRequest,
        SendMessageRequest,
    },
};
use shim_tests::{NatsServer, TestNode};

async fn join(client: &NodeClient, chat_id: &str) {
    let _: ChatEntry = client
        .request(
            NodeOp::ChatHeartbeat,
            &HeartbeatRequest {
                chat_id: chat_id.to_owned(),
                ..HeartbeatRequest::default()
            },
        )
        .await
        .expect("joins");
}

async fn send(
    client: &NodeClient,
    from: &str,
    to: &str,
    text: &str,
) -> Result<ChatMessage, ClientError> {
    client
        .request(
            NodeOp::MessageSend,
            &SendMessageRequest {
                from: from.to_owned(),
                to: to.to_owned(),
                text: text.to_owned(),
                ..SendMessageRequest::default()
            },
        )
        .await
}

async fn read(client: &NodeClient, chat_id: &str, wait_seconds: u64) -> Vec<ChatMessage> {
    let list: MessageList = client
        .with_timeout(Duration::from_secs(wait_seconds + 10))
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: chat_id.to_owned(),
                wait_seconds: Some(wait_seconds),
                max: None,
            },
        )
        .await
        .expect("reads");
    list.messages
}

/// A send whose answer was lost can be sent again with its key: the message is stored once and the second
/// send answers with the first one's number. Another chat's key of the same text is its own, and sends
/// without a key are each stored.
#[tokio::test]
async fn a_message_sent_again_with_its_key_is_stored_once() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for chat in ["supervisor", "worker-a", "worker-b"] {
        join(&client, chat).await;
    }
    let keyed = |from: &str, text: &str, key: &str| SendMessageRequest {
        from: from.to_owned(),
        to: "worker-a".to_owned(),
        text: text.to_owned(),
        idempotency_key: Some(key.to_owned()),
    };
    let send_keyed = async |request: &SendMessageRequest| -> Result<ChatMessage, ClientError> {
        client.request(NodeOp::MessageSend, request).await
    };
    let first = send_keyed(&keyed("supervisor", "the lexer is done", "k-1"))
        .await
        .expect("sends");
    let again = send_keyed(&keyed("supervisor", "the lexer is done", "k-1"))
        .await
        .expect("sends again");
    assert_eq!(again.message_id, first.message_id);
    let others = send_keyed(&keyed("worker-b", "the lexer is done", "k-1"))
        .await
        .expect("sends");
    assert_ne!(others.message_id, first.message_id);
    for _ in 0..2 {
        send(&client, "supervisor", "worker-a", "no key")
            .await
            .expect("sends");
    }
    let got: Vec<(String, String)> = read(&client, "worker-a", 0)
        .await
        .into_iter()
        .map(|message| (message.from, message.text))
        .collect();
    let pair = |from: &str, text: &str| (from.to_owned(), text.to_owned());
    assert_eq!(
        got,
        [
            pair("supervisor", "the lexer is done"),
            pair("worker-b", "the lexer is done"),
            pair("supervisor", "no key"),
            pair("supervisor", "no key"),
        ]
    );
    for (key, why) in [(String::new(), "empty"), ("k".repeat(1025), "1025 bytes")] {
        let refused = send_keyed(&keyed("supervisor", "hi", &key)).await;
        assert!(
            matches!(
                refused,
                Err(ClientError::Remote(WireError::BadRequest { .. }))
            ),
            "{why}: {refused:?}"
        );
    }
    node.stop().await;
}

#[tokio::test]
async fn messages_wait_for_an_away_chat_in_order_and_broadcasts_reach_the_others() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for chat in ["supervisor", "worker-a", "worker-b"] {
        join(&client, chat).await;
    }
    // worker-a is away: nothing reads its messages while 50 arrive.
    for index in 0..50 {
        send(&client, "supervisor", "worker-a", &format!("step {index}"))
            .await
            .expect("sends");
    }
    let broadcast = send(&client, "supervisor", "broadcast", "stand-up in 5")
        .await
        .expect("broadcasts");
    let first = read(&client, "worker-a", 0).await;
    let texts: Vec<&str> = first.iter().map(|message| message.text.as_str()).collect();
    assert_eq!(texts.len(), 51, "{texts:?}");
    assert_eq!(
        texts[..50],
        (0..50)
            .map(|index| format!("step {index}"))
            .collect::<Vec<_>>()[..],
        "in order per sender"
    );
    assert_eq!(first[50].message_id, broadcast.message_id);
    assert!(read(&client, "worker-a", 0).await.is_empty(), "read once");

    let for_b = read(&client, "worker-b", 0).await;
    assert_eq!(for_b.len(), 1);
    assert_eq!(
        (for_b[0].from.as_str(), for_b[0].to.as_str()),
        ("supervisor", "broadcast")
    );
    assert!(
        read(&client, "supervisor", 0).await.is_empty(),
        "a sender does not get its own broadcast"
    );

    // A waiting read returns when a message arrives.
    let reader = {
        let client = client.clone();
        tokio::spawn(async move { read(&client, "worker-b", 20).await })
    };
    send(&client, "worker-a", "worker-b", "done with step 49")
        .await
        .expect("sends");
    let got = tokio::time::timeout(Duration::from_secs(25), reader)
        .await
        .expect("returns")
        .expect("task");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].text, "done with step 49");
    node.stop().await;
}

/// Texts of the largest size, half of them backslashes and tabs (which JSON writes in two bytes each), more
/// than one reply can carry: every one is stored, and reads hand them all over, each read under NATS' 1 MiB,
/// none lost or read twice. (A read of 100 such messages once made a reply that could not be sent, was handed
/// back, and came back to every later read the same way.)
#[tokio::test]
async fn the_largest_messages_are_stored_and_read_in_replies_that_fit() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    for chat in ["supervisor", "worker"] {
        join(&client, chat).await;
    }
    let largest = shim_protocol::limits::MAX_MESSAGE_TEXT_BYTES;
    let text = |index: usize| {
        let fill = if index.is_multiple_of(2) {
            "\\\t"
        } else {
            "ab"
        };
        let mut text = format!("{index:03} ");
        while text.len() < largest {
            text.push_str(fill);
        }
        text.truncate(largest);
        text
    };
    let sent = 70;
    for index in 0..sent {
        let stored = send(&client, "supervisor", "worker", &text(index))
            .await
            .unwrap_or_else(|error| panic!("message {index} is stored: {error}"));
        assert_eq!(stored.text.len(), largest);
    }
    send(&client, "supervisor", "broadcast", &text(sent))
        .await
        .expect("broadcasts");
    let mut got = Vec::new();
    let mut reads = 0;
    while got.len() < sent + 1 {
        reads += 1;
        assert!(
            reads <= 10,
            "read {} of {} in 10 reads",
            got.len(),
            sent + 1
        );
        let list: MessageList = client
            .request(
                NodeOp::MessageRead,
                &ReadMessagesRequest {
                    chat_id: "worker".to_owned(),
                    wait_seconds: Some(0),
                    max: Some(100),
                },
            )
            .await
            .unwrap_or_else(|error| panic!("read {reads} answers: {error}"));
        assert!(
            !list.messages.is_empty(),
            "read {reads} hands messages over"
        );
        got.extend(list.messages.into_iter().map(|message| message.text));
    }
    assert!(
        reads > 1,
        "more than one reply can carry takes more than one read"
    );
    let mut expected: Vec<String> = (0..=sent).map(text).collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected, "each message once");
    assert!(read(&client, "worker", 0).await.is_empty(), "nothing left");
    node.stop().await;
}

#[tokio::test]
async fn malformed_messages_are_refused() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    join(&client, "a").await;
    join(&client, "b").await;
    for (from, to, text) in [("a", "b.c", "x"), ("a", "b", ""), ("bad id", "b", "x")] {
        assert!(
            matches!(
                send(&client, from, to, text).await,
                Err(ClientError::Remote(WireError::BadRequest { .. }))
            ),
            "{from} {to} {text:?}"
        );
    }
    // An oversized text is a bad request like any other, and says so.
    match send(&client, "a", "b", &"x".repeat(20_000)).await {
        Err(ClientError::Remote(error @ WireError::BadRequest { .. })) => assert_eq!(
            error.to_string(),
            "bad request: text is 20000 bytes, at most 16384"
        ),
        other => panic!("expected bad_request, got {other:?}"),
    }
    node.stop().await;
}

#[tokio::test]
async fn a_message_to_a_chat_nobody_has_seen_is_refused() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    join(&client, "lead").await;
    join(&client, "worker").await;
    // A typo in a chat id is an error, not a message stored for nobody.
    match send(&client, "lead", "wroker", "take task 7").await {
        Err(ClientError::Remote(error @ WireError::BadRequest { .. })) => {
            assert!(error.to_string().contains("no chat wroker"), "{error}")
        }
        other => panic!("expected bad_request, got {other:?}"),
    }
    // The chat that exists gets its messages; broadcast needs no addressee.
    send(&client, "lead", "worker", "take task 7")
        .await
        .expect("sends");
    send(&client, "lead", "broadcast", "stand-up")
        .await
        .expect("broadcasts");
    let texts: Vec<String> = read(&client, "worker", 0)
        .await
        .into_iter()
        .map(|message| message.text)
        .collect();
    assert_eq!(texts, ["take task 7", "stand-up"]);
    // Over MCP the same, with the reason.
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node
        .mcp(
            env!("CARGO_BIN_EXE_shim-node-e2e"),
            &logs.path().join("mcp.log"),
        )
        .await;
    let refused = mcp
        .call_tool(
            "shim_send_message",
            json!({"to": "nosuchchat", "text": "hi"}),
        )
        .await;
    assert_eq!(refused["isError"], json!(true), "{refused}");
    assert!(
        refused
            .to_string()
            .contains("bad request: no chat nosuchchat"),
        "{refused}"
    );
    assert!(mcp.close().await);
    node.stop().await;
}

#[tokio::test]
async fn chats_message_each_other_over_mcp() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    join(&client, "worker").await;
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node
        .mcp(
            env!("CARGO_BIN_EXE_shim-node-e2e"),
            &logs.path().join("mcp.log"),
        )
        .await;
    let started = mcp
        .call_tool("shim_session_start", json!({"name": "supervisor"}))
        .await;
    let supervisor = started["structuredContent"]["chat_id"]
        .as_str()
        .expect("chat")
        .to_owned();
    let sent = mcp
        .call_tool(
            "shim_send_message",
            json!({"chat_id": supervisor, "to": "worker", "text": "take task 7"}),
        )
        .await;
    assert_eq!(
        sent["structuredContent"]["messages"][0]["from"],
        supervisor.as_str(),
        "{sent}"
    );
    let for_worker = read(&client, "worker", 0).await;
    assert_eq!(for_worker[0].text, "take task 7");
    send(&client, "worker", &supervisor, "task 7 done")
        .await
        .expect("replies");
    let inbox = mcp
        .call_tool(
            "shim_read_messages",
            json!({"chat_id": supervisor, "wait_seconds": 5}),
        )
        .await;
    assert_eq!(
        inbox["structuredContent"]["messages"][0]["text"], "task 7 done",
        "{inbox}"
    );
    assert!(mcp.close().await);
    node.stop().await;
}
