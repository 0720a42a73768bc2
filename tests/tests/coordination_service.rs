//! Coordination is a service any node answers: tasks, the chat list, messages and locks on
//! `shim.v1.coord.<operation>` in queue group `shim-coord`, while `chat.heartbeat` (which says where a chat is)
//! and the session, signal and checkpoint operations stay on each node's own subjects.

use std::time::Duration;

use async_nats::HeaderMap;
use shim_protocol::{
    NodeOp, PROTOCOL_HEADER, PROTOCOL_VERSION, WireError, codec,
    messages::{
        ChatList, DispatchTaskReply, DispatchTaskRequest, HeartbeatRequest, ListChatsRequest,
        TaskList, TaskStatusRequest,
    },
    subject,
};
use shim_tests::{NatsServer, TestNode};

/// Sends `request` to `subject` as any NATS client would, and decodes the node's answer.
async fn raw<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(
    client: &async_nats::Client,
    subject: String,
    request: &Req,
) -> Result<Result<Resp, WireError>, async_nats::RequestError> {
    let mut headers = HeaderMap::new();
    headers.insert(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string().as_str());
    let reply = client
        .request_with_headers(
            subject,
            headers,
            codec::encode(request).expect("encodes").into(),
        )
        .await?;
    Ok(codec::decode(&reply.payload).expect("a reply the protocol decodes"))
}

#[tokio::test]
async fn any_node_answers_cluster_wide_operations_and_a_stopped_one_is_not_missed() {
    let nats = NatsServer::start();
    let first = TestNode::start(&nats.url()).await;
    let second = TestNode::start(&nats.url()).await;
    let client = async_nats::connect(nats.url()).await.expect("connects");

    // A raw client reaches coordination without naming a node.
    let dispatched: DispatchTaskReply = raw(
        &client,
        subject::coord_op(NodeOp::TaskDispatch).expect("cluster-wide"),
        &DispatchTaskRequest {
            chat_id: "lead".to_owned(),
            title: "through the service".to_owned(),
            instructions: "anything".to_owned(),
            ..DispatchTaskRequest::default()
        },
    )
    .await
    .expect("answered")
    .expect("dispatched");
    // The node's own subject still answers it too.
    let listed: ChatList = raw(
        &client,
        subject::node_op(second.node_id(), NodeOp::ChatList).expect("valid id"),
        &ListChatsRequest::default(),
    )
    .await
    .expect("answered")
    .expect("listed");
    assert!(listed.chats.is_empty(), "{listed:?}");
    // A heartbeat stays node-local: the coordination service refuses it as an operation it does not have.
    let heartbeat = format!("{}chat.heartbeat", subject::COORD_PREFIX);
    let refused = raw::<_, ChatList>(&client, heartbeat, &HeartbeatRequest::default())
        .await
        .expect("answered");
    assert!(
        matches!(refused, Err(WireError::UnknownOperation { .. })),
        "{refused:?}"
    );

    // A client of the first node keeps working on tasks when that node stops: the second answers.
    let first_client = first.client().await;
    first.stop().await;
    let status: TaskList = tokio::time::timeout(
        Duration::from_secs(10),
        first_client.request(
            NodeOp::TaskStatus,
            &TaskStatusRequest {
                task_ids: vec![dispatched.task_id.clone()],
                ..TaskStatusRequest::default()
            },
        ),
    )
    .await
    .expect("in time")
    .expect("the other node answers the cluster-wide operation");
    assert_eq!(status.tasks.len(), 1);
    assert_eq!(status.tasks[0].task_id, dispatched.task_id);
    assert_eq!(status.tasks[0].title, "through the service");
    // A node-local operation still needs its node.
    assert!(
        first_client
            .request::<_, ChatList>(NodeOp::ChatHeartbeat, &HeartbeatRequest::default())
            .await
            .is_err()
    );
    second.stop().await;
}
