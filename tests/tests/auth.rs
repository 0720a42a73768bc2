//! A shared NATS server configured with docs/security.md's permissions template, as written, for two nodes: both
//! work together (the queue, messages), the server records no permissions violation, a client without
//! credentials is refused, and one node's credentials cannot answer, read the replies of or send requests to the
//! other node. A node given the server's CA talks TLS; a client without it is refused.

use std::time::Duration;

use shim_node::nats::{NatsAuth, Secret};
use shim_protocol::{
    NodeOp,
    messages::{
        ChatEntry, ChatSilentNotice, ChatSilentReply, ClaimTaskReply, ClaimTaskRequest,
        CompleteTaskReply, CompleteTaskRequest, DispatchTaskReply, DispatchTaskRequest,
        HeartbeatRequest, MessageList, ReadMessagesRequest, SendMessageRequest, StatusReply,
        StatusRequest,
    },
    subject,
};
use shim_tests::{DEADLINE, NatsOptions, NatsServer, POLL, TestNode, wait_until};

/// The template block of docs/security.md, as written.
fn template() -> String {
    let doc = std::fs::read_to_string(shim_tests::repo_root().join("docs/security.md"))
        .expect("docs/security.md");
    let from = doc
        .find("**The permissions template.**")
        .expect("the doc has the template");
    let start = from + doc[from..].find("```text\n").expect("a block") + "```text\n".len();
    let end = start + doc[start..].find("```").expect("its end");
    doc[start..end].to_owned()
}

/// The server's `authorization` block: the template once per node.
fn authorization(nodes: &[(&str, &str)]) -> String {
    let users: Vec<String> = nodes
        .iter()
        .map(|(node, password)| {
            template()
                .replace("NODE", node)
                .replace("PASSWORD", password)
        })
        .collect();
    format!(
        "authorization {{\n  users: [\n{}\n  ]\n}}\n",
        users.join("\n")
    )
}

const NODES: [(&str, &str); 2] = [("alice", "alice-secret-1"), ("bob", "bob-secret-2")];

async fn start_node(nats: &NatsServer, node: &str, password: &str) -> TestNode {
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.node_id = node.to_owned();
    config.nats_user = Some(node.to_owned());
    config.nats_password = Some(Secret::new(password));
    TestNode::start_with(config, data_dir).await
}

/// A client of `node` presenting the credentials of `user`, with every server error it is sent.
async fn client_as(
    nats: &NatsServer,
    user: &str,
    password: &str,
) -> (
    async_nats::Client,
    tokio::sync::mpsc::UnboundedReceiver<String>,
) {
    let (errors_tx, errors_rx) = tokio::sync::mpsc::unbounded_channel();
    let client =
        async_nats::ConnectOptions::with_user_and_password(user.to_owned(), password.to_owned())
            .custom_inbox_prefix(subject::inbox_prefix(user))
            .event_callback(move |event| {
                let errors_tx = errors_tx.clone();
                async move {
                    if let async_nats::Event::ServerError(error) = event {
                        let _ = errors_tx.send(error.to_string());
                    }
                }
            })
            .connect(nats.url())
            .await
            .expect("connects");
    (client, errors_rx)
}

async fn violation(errors: &mut tokio::sync::mpsc::UnboundedReceiver<String>) -> String {
    tokio::time::timeout(DEADLINE, errors.recv())
        .await
        .expect("the server answers with an error")
        .expect("an error")
}

#[tokio::test]
async fn two_nodes_work_under_the_template_and_neither_can_act_as_the_other() {
    let nats = NatsServer::start_with(&NatsOptions {
        extra_conf: Some(authorization(&NODES)),
        ..NatsOptions::default()
    });
    let alice = start_node(&nats, NODES[0].0, NODES[0].1).await;
    let bob = start_node(&nats, NODES[1].0, NODES[1].1).await;
    let (for_alice, for_bob) = (alice.client().await, bob.client().await);

    // Each node answers its own subjects, for its own clients.
    for (client, node) in [(&for_alice, "alice"), (&for_bob, "bob")] {
        let status: StatusReply = client
            .request(NodeOp::Status, &StatusRequest::default())
            .await
            .expect("the node answers");
        assert_eq!(status.node_id, node);
    }

    // The queue between them: alice's supervisor dispatches, bob's worker claims and completes, alice reads
    // bob's message.
    for (client, chat) in [(&for_alice, "supervisor"), (&for_bob, "worker")] {
        let _: ChatEntry = client
            .request(
                NodeOp::ChatHeartbeat,
                &HeartbeatRequest {
                    chat_id: chat.to_owned(),
                    ..HeartbeatRequest::default()
                },
            )
            .await
            .expect("joins");
    }
    let dispatched: DispatchTaskReply = for_alice
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: "supervisor".to_owned(),
                title: "parser".to_owned(),
                instructions: "port the parser".to_owned(),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatched");
    let claimed: ClaimTaskReply = for_bob
        .with_timeout(Duration::from_secs(15))
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: "worker".to_owned(),
                wait_seconds: Some(5),
                capabilities: None,
            },
        )
        .await
        .expect("claims");
    let task = claimed.task.expect("the task");
    assert_eq!(task.task_id, dispatched.task_id);
    let completed: CompleteTaskReply = for_bob
        .request(
            NodeOp::TaskComplete,
            &CompleteTaskRequest {
                chat_id: "worker".to_owned(),
                task_id: task.task_id.clone(),
                result: "ported".to_owned(),
                ..CompleteTaskRequest::default()
            },
        )
        .await
        .expect("completes");
    assert_eq!(completed.task_id, task.task_id);
    let _: shim_protocol::messages::ChatMessage = for_bob
        .request(
            NodeOp::MessageSend,
            &SendMessageRequest {
                from: "worker".to_owned(),
                to: "supervisor".to_owned(),
                text: "done".to_owned(),
                ..SendMessageRequest::default()
            },
        )
        .await
        .expect("sends");
    let read: MessageList = for_alice
        .with_timeout(Duration::from_secs(15))
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: "supervisor".to_owned(),
                wait_seconds: Some(5),
                max: None,
            },
        )
        .await
        .expect("reads");
    assert_eq!(read.messages.len(), 1);
    assert_eq!(read.messages[0].text, "done");

    // Nothing either node did was refused.
    let log = nats.log();
    assert!(
        !log.contains(" Violation - "),
        "the template covers what a node does:\n{log}"
    );

    // No credentials: refused.
    let refused = async_nats::connect(nats.url())
        .await
        .expect_err("a client without credentials is refused");
    assert_eq!(
        refused.kind(),
        async_nats::ConnectErrorKind::AuthorizationViolation
    );

    // Bob's credentials cannot answer in alice's name, read her replies, or ask her node for her chats'
    // checkpoints.
    let (mallory, mut errors) = client_as(&nats, NODES[1].0, NODES[1].1).await;
    let alice_all = subject::node_all("alice").expect("subject");
    let _listening = mallory.subscribe(alice_all.clone()).await.expect("sent");
    let error = violation(&mut errors).await;
    assert!(
        error.to_lowercase().contains("permissions violation") && error.contains(&alice_all),
        "{error}"
    );
    let replies = format!("{}.>", subject::inbox_prefix("alice"));
    let _reading = mallory.subscribe(replies.clone()).await.expect("sent");
    let error = violation(&mut errors).await;
    assert!(
        error.to_lowercase().contains("permissions violation") && error.contains(&replies),
        "{error}"
    );
    let checkpoints = subject::node_op("alice", NodeOp::CheckpointList).expect("subject");
    mallory
        .publish(checkpoints.clone(), "{}".into())
        .await
        .expect("sent");
    let error = violation(&mut errors).await;
    assert!(
        error.to_lowercase().contains("permissions violation") && error.contains(&checkpoints),
        "{error}"
    );

    // One request to another node is allowed: telling it that one of its chats fell silent. Alice's node
    // answers it, and takes on nothing it cannot check for itself.
    let told: ChatSilentReply =
        shim_node::nats::NodeClient::new(mallory.clone(), "alice", DEADLINE)
            .request(
                NodeOp::ChatSilent,
                &ChatSilentNotice {
                    chat_id: "not-a-chat-of-alice".to_owned(),
                    task_ids: Vec::new(),
                    silent_for_s: 30,
                    ..ChatSilentNotice::default()
                },
            )
            .await
            .expect("alice's node answers the notice");
    assert!(!told.recovering);

    // And alice's node still answers her, not anyone else.
    let status: StatusReply = for_alice
        .request(NodeOp::Status, &StatusRequest::default())
        .await
        .expect("alice's node answers");
    assert_eq!(status.node_id, "alice");
    assert!(
        wait_until(
            || async {
                nats.log().contains("Subscription Violation")
                    && nats.log().contains("Publish Violation")
            },
            DEADLINE,
            POLL
        )
        .await,
        "the server logged the refusals:\n{}",
        nats.log()
    );
    alice.stop().await;
    bob.stop().await;
}

#[tokio::test]
async fn a_node_given_no_or_wrong_credentials_does_not_start_and_says_why() {
    let nats = NatsServer::start_with(&NatsOptions {
        extra_conf: Some(authorization(&NODES)),
        ..NatsOptions::default()
    });
    for (user, why) in [
        (None, "it requires some"),
        (
            Some("not-alices-password-9"),
            "check nats_user and nats_password",
        ),
    ] {
        let (mut config, data_dir) = TestNode::config(&nats.url());
        if let Some(password) = user {
            config.nats_user = Some("alice".to_owned());
            config.nats_password = Some(Secret::new(password));
        }
        config.data_dir = data_dir.path().to_path_buf();
        let error = shim_node::start(config)
            .await
            .expect_err("refused credentials stop the node");
        let text = format!("{error:#}");
        assert!(
            text.contains("refused this node's credentials") && text.contains(why),
            "{text}"
        );
        assert!(
            !text.contains("not-alices-password-9"),
            "no password in the error: {text}"
        );
    }
    // What a node presents for a config: the user and its own reply subjects.
    let (mut config, _data_dir) = TestNode::config(&nats.url());
    config.node_id = "bob".to_owned();
    config.nats_user = Some("bob".to_owned());
    config.nats_password = Some(Secret::new("bob-secret-2"));
    let auth = NatsAuth::of(&config).expect("settings");
    assert_eq!(auth.inbox_prefix_opt.as_deref(), Some("_INBOX_bob"));
    assert!(!format!("{config:?}").contains("bob-secret-2"));
}

/// A CA, and a certificate it signed for the loopback server, as PEM files in `dir`: (ca, cert, key).
fn certificates(
    dir: &std::path::Path,
) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let ca_key = rcgen::KeyPair::generate().expect("key");
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).expect("CA");
    let server_key = rcgen::KeyPair::generate().expect("key");
    let server =
        rcgen::CertificateParams::new(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
            .expect("params")
            .signed_by(&server_key, &ca, &ca_key)
            .expect("certificate");
    let paths = (
        dir.join("ca.pem"),
        dir.join("server.pem"),
        dir.join("server-key.pem"),
    );
    std::fs::write(&paths.0, ca.pem()).expect("written");
    std::fs::write(&paths.1, server.pem()).expect("written");
    std::fs::write(&paths.2, server_key.serialize_pem()).expect("written");
    paths
}

#[tokio::test]
async fn a_node_given_the_servers_ca_talks_tls_and_a_client_without_it_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (ca, cert, key) = certificates(dir.path());
    let nats = NatsServer::start_with(&NatsOptions {
        extra_conf: Some(format!(
            "tls {{\n  cert_file: {:?}\n  key_file: {:?}\n}}\n{}",
            cert.display().to_string(),
            key.display().to_string(),
            authorization(&[("carol", "carol-secret-3")])
        )),
        ..NatsOptions::default()
    });
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.node_id = "carol".to_owned();
    config.nats_user = Some("carol".to_owned());
    config.nats_password = Some(Secret::new("carol-secret-3"));
    config.nats_tls_ca = Some(ca.clone());
    let carol = TestNode::start_with(config, data_dir).await;
    let status: StatusReply = carol
        .client()
        .await
        .request(NodeOp::Status, &StatusRequest::default())
        .await
        .expect("the node answers over TLS");
    assert_eq!(status.node_id, "carol");

    // The right password but not the CA: the server's certificate is not trusted, nothing is sent.
    let untrusted = async_nats::ConnectOptions::with_user_and_password(
        "carol".to_owned(),
        "carol-secret-3".to_owned(),
    )
    .connect(nats.url())
    .await
    .expect_err("a server certificate nobody vouched for");
    assert!(
        untrusted.to_string().contains("invalid peer certificate"),
        "{untrusted}"
    );
    carol.stop().await;
}
