//! Locks in a JetStream key-value bucket on a real nats-server (Debian's 2.9 included, where the client
//! cannot create buckets by itself).

use std::time::Duration;

use shim_node::coordination::{
    kv::{BucketSpec, open_bucket},
    locks::{Acquired, Locks},
};
use shim_protocol::WireError;
use shim_tests::{EventFeed, NatsServer};

async fn locks(nats: &NatsServer) -> Locks {
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let js = async_nats::jetstream::new(client);
    let spec = BucketSpec {
        name: "shim_locks".to_owned(),
        history: 1,
        max_age: Duration::ZERO,
        replicas: 1,
    };
    let store = open_bucket(&js, &spec).await.expect("bucket opens");
    // Opening again finds the same bucket.
    open_bucket(&js, &spec).await.expect("bucket reopens");
    Locks::new(store)
}

fn token(acquired: &Acquired) -> u64 {
    match acquired {
        Acquired::Granted { fencing_token, .. } => *fencing_token,
        Acquired::Held { holder, .. } => panic!("expected a grant, {holder} holds it"),
    }
}

const MINUTE: Duration = Duration::from_secs(60);

#[tokio::test]
async fn one_holder_at_a_time_with_growing_fencing_tokens() {
    let nats = NatsServer::start();
    let locks = locks(&nats).await;
    let now = 1_000_000;
    let first = token(
        &locks
            .acquire("repo/main", "chat-a", MINUTE, now)
            .await
            .expect("acquires"),
    );
    assert_eq!(
        locks
            .acquire("repo/main", "chat-b", MINUTE, now)
            .await
            .expect("answers"),
        Acquired::Held {
            holder: "chat-a".to_owned(),
            expires_at_ms: now + 60_000
        }
    );
    assert!(
        matches!(
            locks.release("repo/main", "chat-b", now).await,
            Err(WireError::BadRequest { .. })
        ),
        "only the holder releases"
    );
    assert!(
        matches!(
            locks.extend("repo/main", "chat-b", MINUTE, now).await,
            Err(WireError::BadRequest { .. })
        ),
        "only the holder extends"
    );
    let extended = token(
        &locks
            .extend("repo/main", "chat-a", MINUTE, now + 1_000)
            .await
            .expect("extends"),
    );
    assert!(extended > first);
    assert!(
        locks
            .release("repo/main", "chat-a", now + 2_000)
            .await
            .expect("releases")
    );
    assert!(
        !locks
            .release("repo/main", "chat-a", now + 2_000)
            .await
            .expect("answers"),
        "already free"
    );
    let second = token(
        &locks
            .acquire("repo/main", "chat-b", MINUTE, now + 3_000)
            .await
            .expect("acquires"),
    );
    assert!(
        second > extended,
        "fencing tokens only grow: {second} after {extended}"
    );
    // The holder asking again renews its grant.
    let renewed = token(
        &locks
            .acquire("repo/main", "chat-b", MINUTE, now + 4_000)
            .await
            .expect("renews"),
    );
    assert!(renewed > second);
}

#[tokio::test]
async fn a_dead_holders_lock_frees_itself_when_its_ttl_passes() {
    let nats = NatsServer::start();
    let locks = locks(&nats).await;
    let now = 5_000_000;
    let dead = token(
        &locks
            .acquire("deploy", "crashed-chat", Duration::from_secs(30), now)
            .await
            .expect("acquires"),
    );
    assert!(matches!(
        locks
            .acquire("deploy", "chat-b", MINUTE, now + 29_999)
            .await
            .expect("answers"),
        Acquired::Held { .. }
    ));
    let taken = token(
        &locks
            .acquire("deploy", "chat-b", MINUTE, now + 30_001)
            .await
            .expect("acquires"),
    );
    assert!(taken > dead);
    assert!(matches!(
        locks
            .extend("deploy", "crashed-chat", MINUTE, now + 30_002)
            .await,
        Err(WireError::BadRequest { .. })
    ));
}

#[tokio::test]
async fn racing_acquirers_get_exactly_one_grant() {
    let nats = NatsServer::start();
    let locks = locks(&nats).await;
    let tasks: Vec<_> = (0..16)
        .map(|index| {
            let locks = locks.clone();
            tokio::spawn(async move {
                locks
                    .acquire("migrations", &format!("chat-{index}"), MINUTE, 42)
                    .await
            })
        })
        .collect();
    let mut granted = 0;
    for task in tasks {
        if matches!(
            task.await.expect("task").expect("answers"),
            Acquired::Granted { .. }
        ) {
            granted += 1;
        }
    }
    assert_eq!(granted, 1);
}

#[tokio::test]
async fn resource_names_are_checked() {
    let nats = NatsServer::start();
    let locks = locks(&nats).await;
    for bad in ["", "line\nbreak", "nul\0", &"x".repeat(513)] {
        assert!(
            matches!(
                locks.acquire(bad, "chat", MINUTE, 1).await,
                Err(WireError::BadRequest { .. })
            ),
            "{bad:?}"
        );
    }
    // What people type is a resource: each is its own lock.
    for good in [
        "has space",
        "star*",
        ".leading",
        "trailing.",
        "a..b",
        "a/b.c-d_e=f",
        &"x".repeat(512),
    ] {
        assert!(
            matches!(
                locks.acquire(good, "chat", MINUTE, 1).await,
                Ok(Acquired::Granted { .. })
            ),
            "{good:?}"
        );
    }
}

#[tokio::test]
async fn chats_lock_through_the_node_and_over_mcp() {
    use serde_json::json;
    use shim_protocol::{
        NodeOp,
        messages::{LockReply, LockRequest, ReleaseLockReply, ReleaseLockRequest},
    };
    let nats = NatsServer::start();
    let node = shim_tests::TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let mut events = EventFeed::subscribe(client.nats(), "shim.events.locks.>").await;

    let granted: LockReply = client
        .request(
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: "chat-a".to_owned(),
                resource: "repo/main".to_owned(),
                ttl_seconds: Some(60),
            },
        )
        .await
        .expect("acquires");
    assert!(granted.acquired && granted.fencing_token.is_some());
    let (subject, _) = events.next().await;
    assert_eq!(subject, "shim.events.locks.acquired");

    // A Desktop chat over MCP finds it taken, then gets it once chat-a lets go.
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node
        .mcp(
            env!("CARGO_BIN_EXE_shim-node-e2e"),
            &logs.path().join("mcp.log"),
        )
        .await;
    let taken = mcp
        .call_tool("shim_acquire_lock", json!({"resource": "repo/main"}))
        .await;
    assert_eq!(taken["structuredContent"]["acquired"], false, "{taken}");
    assert_eq!(taken["structuredContent"]["holder"], "chat-a");
    let released: ReleaseLockReply = client
        .request(
            NodeOp::LockRelease,
            &ReleaseLockRequest {
                chat_id: "chat-a".to_owned(),
                resource: "repo/main".to_owned(),
            },
        )
        .await
        .expect("releases");
    assert!(released.released);
    let mine = mcp
        .call_tool(
            "shim_acquire_lock",
            json!({"resource": "repo/main", "ttl_seconds": 30}),
        )
        .await;
    assert_eq!(mine["structuredContent"]["acquired"], true, "{mine}");
    assert!(mine["structuredContent"]["fencing_token"].as_u64() > granted.fencing_token);
    let bad = mcp
        .call_tool("shim_acquire_lock", json!({"resource": "x".repeat(513)}))
        .await;
    assert_eq!(bad["isError"], json!(true));
    let let_go = mcp
        .call_tool("shim_release_lock", json!({"resource": "repo/main"}))
        .await;
    assert_eq!(let_go["structuredContent"]["released"], true);
    assert!(mcp.close().await);
    node.stop().await;
}

#[tokio::test]
async fn a_ttl_above_a_day_is_refused_not_shortened() {
    use serde_json::json;
    use shim_node::nats::ClientError;
    use shim_protocol::{
        NodeOp,
        messages::{LockReply, LockRequest},
    };
    let nats = NatsServer::start();
    let node = shim_tests::TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let ask = |ttl_seconds: u64, op: NodeOp| {
        let client = client.clone();
        async move {
            client
                .request::<_, LockReply>(
                    op,
                    &LockRequest {
                        chat_id: "chat-a".to_owned(),
                        resource: "x".to_owned(),
                        ttl_seconds: Some(ttl_seconds),
                    },
                )
                .await
        }
    };
    // Raw NATS: above 86,400 s is a bad request, on acquire and on extend; the lock stays free meanwhile.
    match ask(90_000, NodeOp::LockAcquire).await {
        Err(ClientError::Remote(error @ WireError::BadRequest { .. })) => assert_eq!(
            error.to_string(),
            "bad request: ttl_seconds must be at most 86400 (a day), got 90000"
        ),
        other => panic!("expected bad_request, got {other:?}"),
    }
    // A lock of no time would be free again at once: refused too, on acquire and on extend.
    for op in [NodeOp::LockAcquire, NodeOp::LockExtend] {
        match ask(0, op).await {
            Err(ClientError::Remote(error @ WireError::BadRequest { .. })) => assert_eq!(
                error.to_string(),
                "bad request: ttl_seconds must be at least 1, got 0"
            ),
            other => panic!("expected bad_request for a ttl of 0, got {other:?}"),
        }
    }
    let day = ask(86_400, NodeOp::LockAcquire)
        .await
        .expect("a day is fine");
    assert!(day.acquired, "{day:?}");
    assert!(matches!(
        ask(86_401, NodeOp::LockExtend).await,
        Err(ClientError::Remote(WireError::BadRequest { .. }))
    ));
    // Over MCP the same.
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node
        .mcp(
            env!("CARGO_BIN_EXE_shim-node-e2e"),
            &logs.path().join("mcp.log"),
        )
        .await;
    let refused = mcp
        .call_tool(
            "shim_acquire_lock",
            json!({"resource": "y", "ttl_seconds": 90000}),
        )
        .await;
    assert_eq!(refused["isError"], json!(true), "{refused}");
    assert!(
        refused.to_string().contains("bad request: ttl_seconds"),
        "{refused}"
    );
    assert!(mcp.close().await);
    node.stop().await;
}
