//! SHIM on a three-server NATS cluster, set up (docs/cluster.md, "Running a cluster"): `nats-cluster.conf` runs
//! three servers as written and keeps nats.conf's settings; compose.yaml runs three from it; a node takes the
//! servers as a list; every stream and bucket is made with the configured replicas and brought to them when it
//! exists with fewer; a single server asked for three copies is refused, saying why; a read after an
//! acknowledged write sees it on a replicated bucket. The failover under load is in `cluster.rs`.

use std::time::Duration;

use shim_protocol::{
    NodeOp,
    messages::{
        DispatchTaskReply, DispatchTaskRequest, LockReply, LockRequest, MessageList,
        ReadMessagesRequest,
    },
};

use async_nats::jetstream;
use futures::TryStreamExt;
use shim_tests::{
    DEADLINE, NatsCluster, NatsServer, POLL, TestNode, free_port,
    nats_cluster::{copies, open_bucket_patiently, stream_info, stream_names},
    wait_until,
};

#[tokio::test]
async fn the_cluster_conf_runs_three_servers_that_replicate_jetstream() {
    let cluster = NatsCluster::start();
    for index in 0..3 {
        let (status, body) = cluster
            .monitoring(index, "/varz")
            .expect("monitoring answers");
        assert_eq!(status, 200, "{body}");
        let varz: serde_json::Value = serde_json::from_str(&body).expect("varz is JSON");
        assert_eq!(varz["server_name"], cluster.name(index), "{varz}");
        assert_eq!(varz["cluster"]["name"], "shim", "{varz}");
        assert_eq!(
            varz["jetstream"]["config"]["sync_always"], true,
            "the cluster conf keeps nats.conf's fsync before every acknowledgement"
        );
        assert_eq!(varz["max_payload"], 1 << 20);
    }
    let client = shim_node::nats::connect(&cluster.urls(), "test", false, None)
        .await
        .expect("connects through the list");
    let js = jetstream::new(client);
    // Made as a node makes its streams: tried again when the cluster, just started on a loaded machine, takes
    // longer than one request waits.
    let stream =
        shim_node::nats::opening::Opening::with_patience(true, shim_node::nats::opening::PATIENCE)
            .open("CHECK", || {
                shim_node::coordination::streams::ensure_stream(
                    &js,
                    jetstream::stream::Config {
                        name: "CHECK".to_owned(),
                        subjects: vec!["check.>".to_owned()],
                        num_replicas: 3,
                        ..Default::default()
                    },
                )
            })
            .await
            .expect("three copies on three servers");
    // A stream just made is answered once its copies have chosen a leader: a moment, which the node waits out
    // the same way (docs/cluster.md).
    shim_node::coordination::streams::patiently(|| async {
        js.publish("check.one", "x".into()).await?.await
    })
    .await
    .expect("acknowledged by a majority");
    let info = stream.cached_info();
    assert_eq!(copies(info.cluster.as_ref()), 3, "{:?}", info.cluster);
}

#[tokio::test]
async fn a_node_brings_every_stream_and_bucket_to_the_configured_replicas() {
    let cluster = NatsCluster::start();
    let js = jetstream::new(
        shim_node::nats::connect(&cluster.urls(), "test", false, None)
            .await
            .expect("connects"),
    );
    // A node with one copy of everything, as a node before the cluster work made them.
    let (config, data_dir) = TestNode::config(&cluster.urls());
    let node = TestNode::start_with(config.clone(), data_dir).await;
    let names = stream_names(&js).await;
    for expected in [
        "SHIM_TASKS",
        "SHIM_TASKS_DEAD",
        "SHIM_MESSAGES",
        "SHIM_EVENTS",
        "KV_shim_tasks",
        "KV_shim_task_keys",
        "KV_shim_chats",
        "KV_shim_locks",
        "KV_shim_sessions",
        "KV_shim_rollups",
        "KV_shim_leases",
    ] {
        assert!(
            names.iter().any(|name| name == expected),
            "{expected} in {names:?}"
        );
    }
    for name in &names {
        assert_eq!(
            stream_info(&js, name).await.config.num_replicas,
            1,
            "{name} starts with one copy"
        );
    }
    let node = {
        // The same node started again with the settings docs/cluster.md gives a node: the three servers (here on
        // the test's ports) and three copies.
        let settings = documented("**The nodes.**", "toml");
        let written = "nats://127.0.0.1:4222,nats://127.0.0.1:4223,nats://127.0.0.1:4224";
        assert!(settings.contains(written), "{settings}");
        let data_dir = tempfile::tempdir().expect("temp dir");
        let file = data_dir.path().join("shim.toml");
        std::fs::write(&file, settings.replace(written, &cluster.urls())).expect("written");
        let documented =
            shim_node::config::Config::from_file(&file).expect("the doc's settings load");
        assert_eq!(documented.replicas, 3);
        node.stop().await;
        TestNode::start_with(
            shim_node::config::Config {
                nats_url: documented.nats_url,
                replicas: documented.replicas,
                data_dir: data_dir.path().join("data"),
                ..config
            },
            data_dir,
        )
        .await
    };
    assert_eq!(stream_names(&js).await, names, "no stream made or lost");
    for name in &names {
        // The copies are made in the background: wait until all three servers hold one.
        let caught_up = wait_until(
            || async {
                let info = stream_info(&js, name).await;
                info.config.num_replicas == 3 && copies(info.cluster.as_ref()) == 3
            },
            DEADLINE,
            POLL,
        )
        .await;
        assert!(
            caught_up,
            "{name} has three copies: {:?}",
            stream_info(&js, name).await.cluster
        );
    }
    // The queue's consumers follow their stream.
    let queue = js.get_stream("SHIM_TASKS").await.expect("queue");
    let consumers: Vec<_> = queue.consumers().try_collect().await.expect("consumers");
    assert_eq!(consumers.len(), 4, "one per priority");
    for consumer in consumers {
        assert_eq!(
            copies(consumer.cluster.as_ref()),
            3,
            "consumer {} has three copies",
            consumer.name
        );
    }
    node.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_node_started_before_its_cluster_is_ready_opens_everything_once_it_is() {
    let mut cluster = NatsCluster::start();
    // Two of the three servers are down: JetStream has no leader, and nothing with three copies can be made.
    cluster.kill(1);
    cluster.kill(2);
    let urls = cluster.urls();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut node = shim_tests::NodeProcess::start_with_env(
        env!("CARGO_BIN_EXE_shim-node-e2e"),
        &urls,
        "early",
        data_dir.path(),
        &[("SHIM_REPLICAS", "3")],
    );
    let log =
        || std::fs::read_to_string(data_dir.path().join("node-process.log")).unwrap_or_default();
    // The cluster is whole again only once the node has said its first attempt failed and it tries again.
    let retried = wait_until(
        || async { log().contains("JetStream is not ready; trying again") },
        shim_node::nats::opening::PATIENCE,
        POLL,
    )
    .await;
    assert!(retried, "the node never tried again:\n{}", log());
    let cluster = tokio::task::spawn_blocking(move || {
        cluster.restart(1);
        cluster.restart(2);
        cluster
    })
    .await
    .expect("the servers start again");
    let client =
        shim_tests::wait_for_node(&urls, "early", shim_node::nats::opening::PATIENCE * 2).await;
    assert!(!node.has_exited(), "{}", log());

    // Every piece is on: locks, the registry, messages and the task queue answer.
    let lock: LockReply = client
        .request(
            NodeOp::LockAcquire,
            &LockRequest {
                chat_id: "early".to_owned(),
                resource: "repo/main".to_owned(),
                ttl_seconds: Some(60),
            },
        )
        .await
        .unwrap_or_else(|error| panic!("locks are on: {error}\n{}", log()));
    assert!(lock.acquired, "{lock:?}");
    let dispatched: DispatchTaskReply = client
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: "early".to_owned(),
                title: "after the cluster came back".to_owned(),
                instructions: "do it".to_owned(),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("the task queue is on");
    assert!(!dispatched.task_id.is_empty());
    let read: MessageList = client
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: "early".to_owned(),
                wait_seconds: None,
                max: None,
            },
        )
        .await
        .expect("messages are on");
    assert!(read.messages.is_empty());
    // And the stores of the Kaizen loop and of analytics were made, with their three copies.
    let js = jetstream::new(
        shim_node::nats::connect(&urls, "test", false, None)
            .await
            .expect("connects"),
    );
    let names = stream_names(&js).await;
    for expected in [
        "SHIM_EVENTS",
        "KV_shim_sessions",
        "KV_shim_kaizen",
        "SHIM_KAIZEN_AUDIT",
        "KV_shim_locks",
    ] {
        assert!(
            names.iter().any(|name| name == expected),
            "{expected} in {names:?}"
        );
        assert_eq!(stream_info(&js, expected).await.config.num_replicas, 3);
    }
    // And it said so once it had.
    assert!(
        log().contains("opened once JetStream answered"),
        "{}",
        log()
    );
    node.kill_9();
    drop(cluster);
}

/// A block of docs/cluster.md: the first ```` ```kind ```` block after `after`.
fn documented(after: &str, kind: &str) -> String {
    let doc = std::fs::read_to_string(shim_tests::repo_root().join("docs/cluster.md"))
        .expect("docs/cluster.md");
    let from = doc
        .find(after)
        .unwrap_or_else(|| panic!("the doc has {after:?}"));
    let fence = format!("```{kind}\n");
    let start = from + doc[from..].find(&fence).expect("a block") + fence.len();
    let end = start + doc[start..].find("```").expect("its end");
    // The block as written, without the indentation of a list item.
    doc[start..end]
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_single_server_asked_for_three_copies_is_refused_as_the_doc_says() {
    let nats = NatsServer::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_shim-node-e2e"))
        .arg("run")
        .env("SHIM_NATS_URL", nats.url())
        .env("SHIM_REPLICAS", "3")
        .env("SHIM_DATA_DIR", dir.path())
        .env("SHIM_METRICS_ADDR", "off")
        .env("SHIM_OTLP_ADDR", "off")
        .output()
        .expect("shim-node runs");
    assert!(!output.status.success(), "one server holds one copy");
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The error is one line; a log line the connection's own task writes as the process exits may follow it.
    let error = stderr[stderr.find("error: ").expect("an error")..]
        .lines()
        .next()
        .unwrap_or_default();
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(
        words(error),
        words(&documented("**A server that cannot hold them.**", "text")),
        "docs/cluster.md shows the refusal as the node says it"
    );
}

#[tokio::test]
async fn a_node_given_several_servers_connects_to_one_that_answers() {
    let nats = NatsServer::start();
    // The first server named is not there: the node and its clients use the one that is.
    let urls = format!("nats://127.0.0.1:{}, {}", free_port(), nats.url());
    let node = TestNode::start(&urls).await;
    let client = node.client().await;
    let hello: shim_protocol::messages::HelloReply = client
        .request(
            shim_protocol::NodeOp::Hello,
            &shim_protocol::messages::HelloRequest {
                client: "test".to_owned(),
            },
        )
        .await
        .expect("the node answers");
    assert_eq!(hello.node_id, node.node_id());
    node.stop().await;
}

#[tokio::test]
async fn a_read_after_an_acknowledged_write_sees_it_on_a_replicated_bucket() {
    use shim_node::coordination::{
        bucket::{Bucket, Current, Updated},
        kv::BucketSpec,
    };
    let cluster = NatsCluster::start();
    let js = jetstream::new(
        shim_node::nats::connect(&cluster.urls(), "test", false, None)
            .await
            .expect("connects"),
    );
    let store = open_bucket_patiently(
        &js,
        &BucketSpec {
            name: "reads".to_owned(),
            history: 1,
            max_age: Duration::ZERO,
            replicas: 3,
        },
    )
    .await;
    let bucket: Bucket<u64> = Bucket::new(store, "test");
    // A direct get may be answered by a copy that has not applied the last write yet: on this cluster about
    // one read in a hundred right after a write came back with the value before it, which made a completion
    // find its task unclaimed. Every read here must see the write acknowledged just before it.
    let mut stale = Vec::new();
    for round in 0..1_000u64 {
        let written = bucket
            .update("counter", |_| {
                Ok::<_, shim_node::coordination::bucket::BucketError>(Some(round))
            })
            .await
            .expect("written");
        let Updated::Written { revision, .. } = written else {
            panic!("a write was asked for: {written:?}");
        };
        match bucket.read("counter").await.expect("read") {
            Current::Present {
                value,
                revision: read,
            } if value == round && read == revision => {}
            other => stale.push((round, revision, other)),
        }
    }
    assert!(
        stale.is_empty(),
        "{} stale reads: {:?}",
        stale.len(),
        &stale[..stale.len().min(5)]
    );
}

/// Writers racing to change one key of a replicated bucket: each round, writers on all three servers write at the
/// revision they all read (and create a key none has written): one wins, the others are told they lost, none
/// fails. A replicated stream can refuse the losers with error code 10164 instead of 10071 (nats-server 2.11 and
/// later), which the client library reports as some other failure: taken for one, a lock acquire, a heartbeat or
/// a task's change failed as "unavailable" under contention (the load benchmark found it).
#[tokio::test]
async fn writers_racing_on_a_replicated_bucket_lose_the_race_and_never_fail() {
    use shim_node::coordination::{bucket::Bucket, kv::BucketSpec};
    const WRITERS: usize = 6;
    let cluster = NatsCluster::start();
    let mut buckets: Vec<Bucket<u64>> = Vec::new();
    for index in 0..WRITERS {
        let js = jetstream::new(
            shim_node::nats::connect(&cluster.url(index % 3), "test", false, None)
                .await
                .expect("connects"),
        );
        let store = open_bucket_patiently(
            &js,
            &BucketSpec {
                name: "race".to_owned(),
                history: 1,
                max_age: Duration::ZERO,
                replicas: 3,
            },
        )
        .await;
        buckets.push(Bucket::new(store, "test"));
    }
    let mut failures = Vec::new();
    let mut revision = buckets[0]
        .write("contended", &0, None)
        .await
        .expect("created")
        .expect("a new key");
    for round in 1..=100u64 {
        let writes = futures::future::join_all(
            buckets
                .iter()
                .map(|bucket| bucket.write("contended", &round, Some(revision))),
        )
        .await;
        let fresh = format!("fresh-{round}");
        let creates = futures::future::join_all(
            buckets
                .iter()
                .map(|bucket| bucket.write(&fresh, &round, None)),
        )
        .await;
        for (what, outcomes) in [("write", &writes), ("create", &creates)] {
            let won: Vec<u64> = outcomes.iter().flatten().flatten().copied().collect();
            failures.extend(
                outcomes
                    .iter()
                    .filter_map(|outcome| outcome.as_ref().err())
                    .map(|error| format!("round {round}, {what}: {error}")),
            );
            assert!(won.len() <= 1, "round {round}: {what} won by {won:?}");
        }
        revision = match writes.iter().flatten().flatten().next() {
            Some(won) => *won,
            None => buckets[0]
                .read("contended")
                .await
                .expect("read")
                .revision()
                .expect("written"),
        };
    }
    assert!(
        failures.is_empty(),
        "{} writes failed instead of losing the race: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
}

/// A bucket nobody answers for yet (on a cluster: just made, or between leaders; here its stream is removed and
/// made again while a write waits) is tried again for a moment rather than reported unavailable, which is what
/// failed the racing writers above on a slow machine; a bucket that stays gone fails once that moment is spent.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_waits_for_a_bucket_nobody_answers_for_yet() {
    use shim_node::coordination::{
        bucket::{Bucket, BucketError, Current},
        kv::{BucketSpec, open_bucket},
    };
    let nats = NatsServer::start_with(&shim_tests::NatsOptions {
        monitoring: true,
        ..shim_tests::NatsOptions::default()
    });
    let js = jetstream::new(async_nats::connect(nats.url()).await.expect("connects"));
    let spec = BucketSpec {
        name: "patient".to_owned(),
        history: 1,
        max_age: Duration::ZERO,
        replicas: 1,
    };
    let bucket: Bucket<u64> = Bucket::new(open_bucket(&js, &spec).await.expect("opens"), "test");
    js.delete_stream("KV_patient").await.expect("removed");

    let error = bucket
        .write("key", &1, None)
        .await
        .expect_err("nobody answers for a bucket that stays gone");
    assert!(matches!(error, BucketError::Unavailable { .. }), "{error}");

    let in_msgs = |server: &NatsServer| server.varz()["in_msgs"].as_u64().expect("in_msgs");
    let before = in_msgs(&nats);
    let writing = tokio::spawn({
        let bucket = bucket.clone();
        async move { bucket.write("key", &2, None).await }
    });
    // The write was refused once at least: its publish and the read after it reached the server.
    assert!(
        wait_until(|| async { in_msgs(&nats) >= before + 2 }, DEADLINE, POLL).await,
        "the write never reached the server"
    );
    open_bucket(&js, &spec).await.expect("made again");
    let revision = writing
        .await
        .expect("the write ends")
        .expect("written once the bucket answers")
        .expect("a new key");
    assert_eq!(
        bucket.read("key").await.expect("read"),
        Current::Present { value: 2, revision }
    );
}

/// compose.yaml as data: parsed by PyYAML (as `docker compose` would read it) and handed over as JSON.
fn compose() -> serde_json::Value {
    let path = shim_tests::repo_root().join("compose.yaml");
    let output = std::process::Command::new("python3")
        .arg("-c")
        .arg("import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)")
        .arg(&path)
        .output()
        .expect("python3 runs (the tests need it, with PyYAML: .ci/run installs both)");
    assert!(
        output.status.success(),
        "compose.yaml does not parse as YAML (or PyYAML is missing: python3 -m pip install pyyaml): {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON")
}

#[test]
fn compose_runs_three_nats_servers_from_the_cluster_conf() {
    let compose = compose();
    let services = compose["services"].as_object().expect("services");
    for other in ["prometheus", "grafana"] {
        assert!(services.contains_key(other), "{other} stays");
    }
    let mut ports = std::collections::BTreeSet::new();
    for number in 1..=3u16 {
        let name = format!("nats-{number}");
        let service = &services[&name];
        assert!(
            service["image"]
                .as_str()
                .is_some_and(|image| image.starts_with("nats:2.14")),
            "{name} runs the 2.14 line SHIM is tested with: {}",
            service["image"]
        );
        let volumes = service["volumes"].as_array().expect("volumes");
        assert!(
            volumes.contains(&"./nats-cluster.conf:/etc/nats/nats-cluster.conf:ro".into()),
            "{name} mounts nats-cluster.conf: {volumes:?}"
        );
        assert!(
            volumes.iter().any(|volume| volume
                .as_str()
                .is_some_and(|volume| volume.starts_with(&format!("{name}-data:")))),
            "{name} keeps its store in a volume of its own: {volumes:?}"
        );
        assert_eq!(
            service["command"],
            serde_json::json!(["-c", "/etc/nats/nats-cluster.conf"])
        );
        let environment = service["environment"].as_object().expect("environment");
        let var = |key: &str| {
            environment[key]
                .as_str()
                .unwrap_or_else(|| panic!("{name} sets {key} as a string"))
                .to_owned()
        };
        assert_eq!(var("SHIM_NATS_NAME"), name);
        assert_eq!(var("SHIM_NATS_HOST"), "127.0.0.1", "loopback only");
        let client_port = 4221 + number;
        assert_eq!(var("SHIM_NATS_PORT"), client_port.to_string());
        let http = format!("127.0.0.1:{}", 8221 + number);
        assert_eq!(var("SHIM_NATS_HTTP"), http);
        assert_eq!(
            var("SHIM_NATS_CLUSTER"),
            format!("127.0.0.1:{}", 6221 + number)
        );
        for port in [client_port, 8221 + number, 6221 + number] {
            assert!(ports.insert(port), "port {port} used twice");
        }
        let routes: Vec<String> = (1..=3)
            .map(|route| var(&format!("SHIM_NATS_ROUTE_{route}")))
            .collect();
        assert_eq!(
            routes,
            [
                "nats://127.0.0.1:6222",
                "nats://127.0.0.1:6223",
                "nats://127.0.0.1:6224"
            ],
            "{name} routes to the three cluster ports"
        );
        let health = service["healthcheck"]["test"].to_string();
        assert!(
            health.contains(&format!("http://{http}/healthz")),
            "{name}'s health is its own /healthz: {health}"
        );
        // The server takes the file with this environment: every variable it reads is set.
        let checked = std::process::Command::new(shim_tests::nats_server::program())
            .arg("-c")
            .arg(shim_tests::repo_root().join("nats-cluster.conf"))
            .arg("-t")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(
                environment
                    .iter()
                    .map(|(key, value)| (key, value.as_str().unwrap_or_default())),
            )
            .output()
            .expect("nats-server runs");
        assert!(
            checked.status.success(),
            "nats-server refuses nats-cluster.conf with {name}'s environment: {}",
            String::from_utf8_lossy(&checked.stderr)
        );
    }
    for volume in ["nats-1-data", "nats-2-data", "nats-3-data"] {
        assert!(
            compose["volumes"]
                .as_object()
                .expect("volumes")
                .contains_key(volume),
            "{volume} is declared"
        );
    }
}

#[test]
fn the_cluster_conf_keeps_every_setting_of_nats_conf() {
    let read =
        |name: &str| std::fs::read_to_string(shim_tests::repo_root().join(name)).expect("readable");
    let (single, cluster) = (read("nats.conf"), read("nats-cluster.conf"));
    let settings = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#') && line.contains(':'))
            .map(str::to_owned)
            .collect()
    };
    for setting in settings(&single) {
        // Where the server listens differs per server: the cluster file takes it from the environment.
        if setting.starts_with("host:") || setting.starts_with("port:") {
            continue;
        }
        assert!(
            settings(&cluster).contains(&setting),
            "nats-cluster.conf lacks nats.conf's `{setting}`"
        );
    }
}
