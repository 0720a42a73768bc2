//! The one plumbing every component reachable over NATS is served by (`shim_node::service`), exercised with
//! a small component of its own, in a queue group as a cluster-wide service is: the header check, unknown
//! operations, malformed payloads, the in-flight bound, the request metrics and an orderly stop. And the
//! worked example of docs/architecture.md is the router's code as it is.

use std::{
    sync::{
        Arc,
        atomic::{AtomicU64, AtomicUsize, Ordering},
    },
    time::Duration,
};

use bytes::Bytes;
use shim_node::{
    metrics::{MetricsRegistry, NodeMetrics},
    nats::{ClientError, NodeClient},
    service::{self, Component, Exchange, Op, Serving, Taken, encode_ok},
};
use shim_protocol::{WireError, WireResult, codec};
use shim_tests::{DEADLINE, NatsServer, POLL, node::metric_value, wait_until};
use tokio::sync::{Notify, watch};

/// A component of this test: a tally per instance.
#[derive(Debug, Clone, Copy, PartialEq)]
enum TallyOp {
    /// Adds a number; replies with this instance's total.
    Add,
    /// Waits until the test releases it; replies with "held".
    Hold,
}

impl Op for TallyOp {
    fn from_tail(tail: &str) -> Option<Self> {
        match tail {
            "add" => Some(TallyOp::Add),
            "hold" => Some(TallyOp::Hold),
            _ => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            TallyOp::Add => "tally.add",
            TallyOp::Hold => "tally.hold",
        }
    }
}

const PREFIX: &str = "shim.v1.tally.";
const GROUP: &str = "shim-tally";

#[derive(Debug, Default)]
struct Tally {
    total: AtomicU64,
    held: AtomicUsize,
    release: Notify,
}

impl Component for Tally {
    type Op = TallyOp;

    async fn handle(
        &self,
        op: TallyOp,
        payload: &[u8],
        _exchange: &mut Exchange,
    ) -> WireResult<Bytes> {
        match op {
            TallyOp::Add => {
                let amount: u64 = codec::decode(payload)?;
                encode_ok(&(self.total.fetch_add(amount, Ordering::SeqCst) + amount))
            }
            TallyOp::Hold => {
                let released = self.release.notified();
                self.held.fetch_add(1, Ordering::SeqCst);
                released.await;
                encode_ok(&"held")
            }
        }
    }

    async fn hand_back(&self, _taken: Taken) {}
}

struct Instance {
    tally: Arc<Tally>,
    metrics: MetricsRegistry,
    stop: watch::Sender<bool>,
    served: tokio::task::JoinHandle<()>,
}

async fn start_instance(url: &str, max_in_flight: usize) -> Instance {
    let client = async_nats::connect(url).await.expect("connects");
    let source = service::queue_subscribe(&client, format!("{PREFIX}>"), GROUP.to_owned())
        .await
        .expect("subscribes");
    client.flush().await.expect("flushes");
    let metrics = MetricsRegistry::new().expect("metrics");
    let serving = Serving {
        closed_opt: None,
        prefix: PREFIX.to_owned(),
        max_in_flight,
        drain_timeout: DEADLINE,
        metrics: NodeMetrics::new(&metrics.meter()),
    };
    let tally = Arc::new(Tally::default());
    let (stop, stopped) = watch::channel(false);
    let served = tokio::spawn(service::serve(
        client,
        source,
        tally.clone(),
        serving,
        stopped,
    ));
    Instance {
        tally,
        metrics,
        stop,
        served,
    }
}

async fn add(client: &NodeClient, amount: u64) -> Result<u64, ClientError> {
    client
        .request_service(&format!("{PREFIX}add"), &amount)
        .await
}

#[tokio::test]
async fn a_queue_group_component_gets_the_header_check_errors_and_metrics_from_the_plumbing() {
    let nats = NatsServer::start();
    let first = start_instance(&nats.url(), 8).await;
    let second = start_instance(&nats.url(), 8).await;
    let client = NodeClient::new(
        async_nats::connect(nats.url()).await.expect("connects"),
        "any",
        DEADLINE,
    );
    for _ in 0..20 {
        add(&client, 1).await.expect("adds");
    }
    let totals =
        first.tally.total.load(Ordering::SeqCst) + second.tally.total.load(Ordering::SeqCst);
    assert_eq!(
        totals, 20,
        "each request is served by exactly one instance of the group"
    );

    let unknown: Result<u64, _> = client
        .request_service(&format!("{PREFIX}nope"), &1u64)
        .await;
    assert!(
        matches!(&unknown, Err(ClientError::Remote(WireError::UnknownOperation { subject })) if subject == "shim.v1.tally.nope"),
        "{unknown:?}"
    );
    let malformed: Result<u64, _> = client
        .request_service(&format!("{PREFIX}add"), &"not a number")
        .await;
    assert!(
        matches!(
            malformed,
            Err(ClientError::Remote(WireError::BadRequest { .. }))
        ),
        "{malformed:?}"
    );
    let bare = tokio::time::timeout(
        DEADLINE,
        client.nats().request(
            format!("{PREFIX}add"),
            codec::encode(&1u64).expect("encodes").into(),
        ),
    )
    .await
    .expect("answers in time")
    .expect("answers");
    let decoded: Result<u64, WireError> = codec::decode_reply(&bare.payload).expect("a reply");
    assert!(
        matches!(decoded, Err(WireError::UnsupportedVersion { .. })),
        "no header: {decoded:?}"
    );
    let totals =
        first.tally.total.load(Ordering::SeqCst) + second.tally.total.load(Ordering::SeqCst);
    assert_eq!(totals, 20, "refused requests change nothing");

    let (first_text, second_text) = (
        first.metrics.render().expect("renders"),
        second.metrics.render().expect("renders"),
    );
    let sum = |name: &str, labels: &[&str]| {
        metric_value(&first_text, name, labels).unwrap_or(0.0)
            + metric_value(&second_text, name, labels).unwrap_or(0.0)
    };
    assert_eq!(
        sum(
            "shim_node_requests_total",
            &["op=\"tally.add\"", "outcome=\"ok\""]
        ),
        20.0
    );
    assert_eq!(sum("shim_node_requests_total", &["op=\"unknown\""]), 1.0);
    for reason in ["unknown_operation", "bad_request", "unsupported_version"] {
        assert_eq!(
            sum(
                "shim_node_bad_messages_total",
                &[&format!("reason=\"{reason}\"")]
            ),
            1.0,
            "{reason}"
        );
    }
    for instance in [first, second] {
        instance.stop.send_replace(true);
        tokio::time::timeout(DEADLINE, instance.served)
            .await
            .expect("stops in time")
            .expect("served");
    }
}

#[tokio::test]
async fn over_its_bound_a_component_answers_busy_and_a_stop_waits_for_what_it_took() {
    let nats = NatsServer::start();
    let instance = start_instance(&nats.url(), 1).await;
    let client = NodeClient::new(
        async_nats::connect(nats.url()).await.expect("connects"),
        "any",
        DEADLINE,
    );
    let held = tokio::spawn({
        let client = client.clone();
        async move {
            client
                .request_service::<_, String>(&format!("{PREFIX}hold"), &())
                .await
        }
    });
    assert!(
        wait_until(
            || async { instance.tally.held.load(Ordering::SeqCst) == 1 },
            DEADLINE,
            POLL
        )
        .await,
        "the hold request is in flight"
    );
    let refused = add(&client, 1).await;
    assert!(
        matches!(refused, Err(ClientError::Remote(WireError::Busy { .. }))),
        "{refused:?}"
    );
    assert_eq!(instance.tally.total.load(Ordering::SeqCst), 0);

    // A stop takes no new request but answers the one it holds.
    instance.stop.send_replace(true);
    let mut served = instance.served;
    let early = tokio::time::timeout(Duration::from_millis(200), &mut served).await;
    assert!(early.is_err(), "the stop waits for the request in flight");
    instance.tally.release.notify_waiters();
    tokio::time::timeout(DEADLINE, served)
        .await
        .expect("stops once drained")
        .expect("served");
    let answer = held
        .await
        .expect("joins")
        .expect("the held request is answered");
    assert_eq!(answer, "held");
    let after = add(&client, 1).await;
    assert!(
        matches!(after, Err(ClientError::NoNode { .. })),
        "unsubscribed: {after:?}"
    );
    let text = instance.metrics.render().expect("renders");
    assert_eq!(
        metric_value(&text, "shim_node_bad_messages_total", &["reason=\"busy\""]),
        Some(1.0)
    );
    assert_eq!(
        metric_value(
            &text,
            "shim_node_requests_total",
            &["op=\"tally.hold\"", "outcome=\"ok\""]
        ),
        Some(1.0)
    );
}

/// The "Component pattern" section of docs/architecture.md shows the router's code: each piece of its
/// example (between `// ...` elisions) is in node/src/router_service.rs as written.
#[test]
fn the_architecture_example_is_the_router_code() {
    let root = shim_tests::repo_root();
    let doc = std::fs::read_to_string(root.join("docs/architecture.md")).expect("reads the doc");
    let code =
        std::fs::read_to_string(root.join("node/src/router_service.rs")).expect("reads the code");
    let section = doc
        .split("## Component pattern")
        .nth(1)
        .expect("the doc has a Component pattern section");
    let example = section
        .split("```rust\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the section has a rust example");
    let mut pieces = 0;
    for piece in example.split("\n    // ...\n") {
        assert!(
            code.contains(piece),
            "this piece of the example is not in node/src/router_service.rs:\n{piece}"
        );
        pieces += 1;
    }
    assert!(pieces >= 2, "the example elides the other operations");
}
