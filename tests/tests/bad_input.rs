//! Garbage on SHIM subjects gets clear errors and the node keeps serving.

use async_nats::HeaderMap;
use bytes::Bytes;
use shim_protocol::{
    NodeOp, PROTOCOL_HEADER, WireError, WireResult, codec,
    messages::{HelloReply, SessionStartReply, SessionStartRequest, StatusReply, StatusRequest},
    subject,
};
use shim_tests::{DEADLINE, NatsServer, POLL, TestNode, node::metric_value, wait_until};

async fn raw_request<T: serde::de::DeserializeOwned>(
    client: &async_nats::Client,
    subject: String,
    version_opt: Option<&str>,
    payload: Bytes,
) -> WireResult<T> {
    let mut headers = HeaderMap::new();
    if let Some(version) = version_opt {
        headers.insert(PROTOCOL_HEADER, version);
    }
    let reply = tokio::time::timeout(
        DEADLINE,
        client.request_with_headers(subject, headers, payload),
    )
    .await
    .expect("the node answers in time")
    .expect("the node answers");
    codec::decode_reply(&reply.payload).expect("the error reply itself is well-formed")
}

#[tokio::test]
async fn malformed_payloads_get_error_replies_and_the_node_keeps_serving() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let nats_client = client.nats().clone();
    let garbage: [&[u8]; 6] = [
        b"",
        b"not msgpack at all",
        b"\xc1\xc1\xc1",
        b"{\"chat_id\": \"json is not msgpack\"}",
        &[0xdf, 0xff, 0xff, 0xff, 0xff],
        &[0x81, 0xa7, b'c', b'h', b'a', b't', b'_', b'i', b'd', 0x2a],
    ];
    // Well-formed MessagePack that is not a map keyed by field names: the fields in order (an array whose
    // first field is a chat id, as most requests' are), a map keyed by field positions, and a field twice.
    let chat = codec::encode(&"chat-a").expect("encodes");
    let key = codec::encode(&"chat_id").expect("encodes");
    let positional = [&[0x91][..], &chat].concat();
    let by_position = [&[0x81, 0x00][..], &chat].concat();
    let twice = [&[0x82][..], &key, &chat, &key, &chat].concat();
    let not_named = [&positional[..], &by_position, &twice];
    for op in NodeOp::ALL {
        for payload in garbage.into_iter().chain(not_named) {
            // Signals take one id, their first field, which is the same by name and by position.
            if op == NodeOp::Signals && not_named.contains(&payload) {
                continue;
            }
            let subject = subject::node_op(node.node_id(), op).expect("subject");
            let reply = raw_request::<StatusReply>(
                &nats_client,
                subject,
                Some("1"),
                Bytes::copy_from_slice(payload),
            )
            .await;
            // An empty map is a valid StatusRequest (every field optional); everything else must be refused.
            if op == NodeOp::Status && payload.is_empty() {
                continue;
            }
            assert!(
                matches!(reply, Err(WireError::BadRequest { .. })),
                "{op} with {payload:?} gave {reply:?}"
            );
        }
    }
    // A field the operation does not know is skipped (a later client's), but an id field is text in every
    // request: `{chat_id: 42}` above was refused by `chat.list` too, which has no `chat_id`.
    let later = codec::encode(&serde_json::json!({"added_later": 42})).expect("encodes");
    let list = raw_request::<shim_protocol::messages::ChatList>(
        &nats_client,
        subject::node_op(node.node_id(), NodeOp::ChatList).expect("subject"),
        Some("1"),
        later.into(),
    )
    .await;
    assert!(list.is_ok(), "{list:?}");
    // A well-formed request of the wrong shape for the operation.
    let wrong_shape = codec::encode(&SessionStartReply {
        chat_id: "c".to_owned(),
        node_id: "n".to_owned(),
        created: true,
        chat_secret: None,
    })
    .expect("encodes");
    let reply = raw_request::<StatusReply>(
        &nats_client,
        subject::node_op(node.node_id(), NodeOp::Hello).expect("subject"),
        Some("1"),
        wrong_shape.into(),
    )
    .await;
    assert!(
        matches!(reply, Err(WireError::BadRequest { .. })),
        "{reply:?}"
    );

    // Still serving, and the bad messages were counted.
    let _: StatusReply = client
        .request(NodeOp::Status, &StatusRequest::default())
        .await
        .expect("the node still serves");
    let counted = wait_until(
        || async {
            metric_value(
                &node.metrics().await,
                "shim_node_bad_messages_total",
                &["reason=\"bad_request\""],
            )
            .is_some_and(|count| count >= 20.0)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(counted, "metrics:\n{}", node.metrics().await);
    node.stop().await;
}

#[tokio::test]
async fn versions_operations_and_ids_are_checked() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let nats_client = client.nats().clone();
    let status_subject = subject::node_op(node.node_id(), NodeOp::Status).expect("subject");
    let empty_status: Bytes = codec::encode(&StatusRequest::default())
        .expect("encodes")
        .into();

    for version_opt in [None, Some("0"), Some("99"), Some("v1")] {
        let reply = raw_request::<StatusReply>(
            &nats_client,
            status_subject.clone(),
            version_opt,
            empty_status.clone(),
        )
        .await;
        assert!(
            matches!(
                reply,
                Err(WireError::UnsupportedVersion { min: 1, max: 1, .. })
            ),
            "{version_opt:?} gave {reply:?}"
        );
    }
    let unknown = format!(
        "{}no.such.op",
        subject::node_prefix(node.node_id()).expect("prefix")
    );
    let reply = raw_request::<StatusReply>(
        &nats_client,
        unknown.clone(),
        Some("1"),
        empty_status.clone(),
    )
    .await;
    assert_eq!(reply, Err(WireError::UnknownOperation { subject: unknown }));

    let bad_chat: Result<StatusReply, _> = client
        .request(
            NodeOp::Status,
            &StatusRequest {
                chat_id: Some("has space".to_owned()),
            },
        )
        .await;
    assert!(matches!(
        bad_chat,
        Err(shim_node::nats::ClientError::Remote(
            WireError::BadRequest { .. }
        ))
    ));
    let too_long: Result<SessionStartReply, _> = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                name: Some("x".repeat(10_000)),
                ..SessionStartRequest::default()
            },
        )
        .await;
    assert!(matches!(
        too_long,
        Err(shim_node::nats::ClientError::Remote(
            WireError::BadRequest { .. }
        ))
    ));
    node.stop().await;
}

#[tokio::test]
async fn garbage_without_a_reply_subject_is_logged_counted_and_harmless() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let nats_client = client.nats().clone();
    for op in NodeOp::ALL {
        let subject = subject::node_op(node.node_id(), op).expect("subject");
        nats_client
            .publish(subject, Bytes::from_static(b"\xc1garbage"))
            .await
            .expect("publishes");
    }
    nats_client.flush().await.expect("flush");
    let counted = wait_until(
        || async {
            metric_value(&node.metrics().await, "shim_node_bad_messages_total", &[])
                .is_some_and(|count| count >= 4.0)
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(counted, "metrics:\n{}", node.metrics().await);
    let hello: HelloReply = client
        .request(
            NodeOp::Hello,
            &shim_protocol::messages::HelloRequest {
                client: "t".to_owned(),
            },
        )
        .await
        .expect("the node still serves");
    assert_eq!(hello.node_id, node.node_id());
    node.stop().await;
}

#[tokio::test]
async fn a_request_to_a_missing_node_is_a_clear_error() {
    let nats = NatsServer::start();
    let nats_client = shim_node::nats::connect(&nats.url(), "test", false, None)
        .await
        .expect("connects");
    let client = shim_node::nats::NodeClient::new(
        nats_client,
        "nobody-home",
        std::time::Duration::from_secs(2),
    );
    let result: Result<HelloReply, _> = client
        .request(
            NodeOp::Hello,
            &shim_protocol::messages::HelloRequest {
                client: "t".to_owned(),
            },
        )
        .await;
    let error = result.expect_err("no node answers");
    assert!(
        matches!(error, shim_node::nats::ClientError::NoNode { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("shim-node run"));
}
