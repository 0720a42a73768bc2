//! Every metric SHIM records, declared once: its instrument name, kind, unit, labels (with their values where the
//! set is fixed) and meaning. Instruments are built from these entries ([`MetricSpec::u64_counter`] and the
//! rest) and their label sets from [`MetricSpec::attributes`], so a name, unit, description or label name is
//! written in this file only. docs/metrics.md lists the same metrics as Prometheus exposes them, and tests hold
//! the document to this catalogue and to a live node's `/metrics`.

use opentelemetry::{
    KeyValue, Value,
    metrics::{Counter, Gauge, Histogram, Meter, UpDownCounter},
};

/// What kind of instrument a metric is, and so its Prometheus type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetricKind {
    /// Monotonic sum; Prometheus `counter`, exposed with a `_total` suffix.
    Counter,
    /// Sum that goes up and down; Prometheus `gauge`.
    UpDownCounter,
    /// Last value, set or observed at each scrape; Prometheus `gauge`.
    Gauge,
    /// Distribution in fixed buckets; Prometheus `histogram` (`_bucket`, `_sum`, `_count`).
    Histogram,
}

impl MetricKind {
    /// Returns the Prometheus type name.
    pub fn prometheus_type(self) -> &'static str {
        match self {
            MetricKind::Counter => "counter",
            MetricKind::UpDownCounter | MetricKind::Gauge => "gauge",
            MetricKind::Histogram => "histogram",
        }
    }
}

/// A metric's unit, in OpenTelemetry's notation (which decides the exporter's name suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A count of things; no suffix.
    Count,
    /// Seconds (`s`); exposed with a `_seconds` suffix.
    Seconds,
    /// Bytes (`By`); exposed with a `_bytes` suffix.
    Bytes,
    /// US dollars (`{USD}`, an annotation: no suffix; the name says `usd`).
    Usd,
    /// A level on a small scale (`{level}`, an annotation: no suffix).
    Level,
}

impl Unit {
    /// Returns the unit as given to OpenTelemetry.
    pub fn otel(self) -> &'static str {
        match self {
            Unit::Count => "",
            Unit::Seconds => "s",
            Unit::Bytes => "By",
            Unit::Usd => "{USD}",
            Unit::Level => "{level}",
        }
    }

    /// Returns the suffix OpenTelemetry's Prometheus exporter appends for this unit.
    pub fn prometheus_suffix(self) -> &'static str {
        match self {
            Unit::Seconds => "_seconds",
            Unit::Bytes => "_bytes",
            Unit::Count | Unit::Usd | Unit::Level => "",
        }
    }

    /// Returns the unit as docs/metrics.md writes it.
    pub fn doc(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Seconds => "seconds",
            Unit::Bytes => "bytes",
            Unit::Usd => "USD",
            Unit::Level => "level",
        }
    }
}

/// Which values a label takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LabelValues {
    /// Exactly these.
    Fixed(&'static [&'static str]),
    /// A set fixed by the code but not listed here (what bounds it).
    Bounded(&'static str),
    /// One value per chat: the series is dropped when the chat ends.
    PerChat,
}

/// A label of a metric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label {
    /// The label's name.
    pub name: &'static str,
    /// The values it takes.
    pub values: LabelValues,
}

/// One metric of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricSpec {
    /// The instrument's name (without the exporter's suffixes).
    pub name: &'static str,
    /// Its kind.
    pub kind: MetricKind,
    /// Its unit.
    pub unit: Unit,
    /// Its labels, in the order [`MetricSpec::attributes`] takes their values.
    pub labels: &'static [Label],
    /// What it measures (the `# HELP` line).
    pub description: &'static str,
    /// Bucket boundaries of a histogram; empty for other kinds.
    pub boundaries: &'static [f64],
}

impl MetricSpec {
    /// Returns the name Prometheus exposes: the name, the unit's suffix, and `_total` for a counter.
    pub fn prometheus_name(&self) -> String {
        let total = if self.kind == MetricKind::Counter {
            "_total"
        } else {
            ""
        };
        format!("{}{}{total}", self.name, self.unit.prometheus_suffix())
    }

    /// Returns the names of its labels.
    pub fn label_names(&self) -> impl Iterator<Item = &'static str> {
        self.labels.iter().map(|label| label.name)
    }

    /// Returns the attributes of one measurement: the catalogue's label names with `values`, in order.
    pub fn attributes<const N: usize>(&self, values: [Value; N]) -> [KeyValue; N] {
        debug_assert_eq!(
            N,
            self.labels.len(),
            "{}: wrong number of labels",
            self.name
        );
        let mut names = self.label_names();
        values.map(|value| KeyValue::new(names.next().unwrap_or("unknown"), value))
    }

    /// Builds the `u64` counter this entry declares.
    pub fn u64_counter(&self, meter: &Meter) -> Counter<u64> {
        self.expect(MetricKind::Counter);
        let counter = meter
            .u64_counter(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
            .build();
        for attributes in self.fixed_label_sets() {
            counter.add(0, &attributes);
        }
        counter
    }

    /// Builds the `f64` counter this entry declares.
    pub fn f64_counter(&self, meter: &Meter) -> Counter<f64> {
        self.expect(MetricKind::Counter);
        let counter = meter
            .f64_counter(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
            .build();
        for attributes in self.fixed_label_sets() {
            counter.add(0.0, &attributes);
        }
        counter
    }

    /// Builds the `i64` up-down counter this entry declares.
    pub fn i64_up_down_counter(&self, meter: &Meter) -> UpDownCounter<i64> {
        self.expect(MetricKind::UpDownCounter);
        let counter = meter
            .i64_up_down_counter(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
            .build();
        for attributes in self.fixed_label_sets() {
            counter.add(0, &attributes);
        }
        counter
    }

    /// Builds the `i64` gauge this entry declares (for values set, not observed).
    pub fn i64_gauge(&self, meter: &Meter) -> Gauge<i64> {
        self.expect(MetricKind::Gauge);
        meter
            .i64_gauge(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
            .build()
    }

    /// Builds the `f64` histogram this entry declares, with its boundaries.
    pub fn f64_histogram(&self, meter: &Meter) -> Histogram<f64> {
        self.expect(MetricKind::Histogram);
        meter
            .f64_histogram(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
            .with_boundaries(self.boundaries.to_vec())
            .build()
    }

    /// Builds the `u64` histogram this entry declares, with its boundaries.
    pub fn u64_histogram(&self, meter: &Meter) -> Histogram<u64> {
        self.expect(MetricKind::Histogram);
        meter
            .u64_histogram(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
            .with_boundaries(self.boundaries.to_vec())
            .build()
    }

    /// Starts the observable `i64` gauge this entry declares; the caller adds the callback and builds it.
    pub fn i64_observable_gauge<'meter>(
        &self,
        meter: &'meter Meter,
    ) -> opentelemetry::metrics::AsyncInstrumentBuilder<
        'meter,
        opentelemetry::metrics::ObservableGauge<i64>,
        i64,
    > {
        self.expect(MetricKind::Gauge);
        meter
            .i64_observable_gauge(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
    }

    /// Starts the observable `u64` gauge this entry declares; the caller adds the callback and builds it.
    pub fn u64_observable_gauge<'meter>(
        &self,
        meter: &'meter Meter,
    ) -> opentelemetry::metrics::AsyncInstrumentBuilder<
        'meter,
        opentelemetry::metrics::ObservableGauge<u64>,
        u64,
    > {
        self.expect(MetricKind::Gauge);
        meter
            .u64_observable_gauge(self.name)
            .with_description(self.description)
            .with_unit(self.unit.otel())
    }

    /// Every label set a sum can have when each of its labels takes fixed values (one empty set for a sum
    /// without labels); none otherwise. Sums start at 0 on each of them: a dashboard then shows "none yet" as
    /// 0, and Prometheus' `increase()` counts a series' first event, which it cannot for a series born at 1.
    pub fn fixed_label_sets(&self) -> Vec<Vec<KeyValue>> {
        let mut sets = vec![Vec::new()];
        for label in self.labels {
            let LabelValues::Fixed(values) = label.values else {
                return Vec::new();
            };
            sets = sets
                .into_iter()
                .flat_map(|set: Vec<KeyValue>| {
                    values.iter().map(move |value| {
                        let mut set = set.clone();
                        set.push(KeyValue::new(label.name, *value));
                        set
                    })
                })
                .collect();
        }
        sets
    }

    fn expect(&self, kind: MetricKind) {
        debug_assert_eq!(
            self.kind, kind,
            "{} is declared as {:?}",
            self.name, self.kind
        );
    }
}

const fn label(name: &'static str, values: LabelValues) -> Label {
    Label { name, values }
}

const NO_LABELS: &[Label] = &[];
const NO_BOUNDARIES: &[f64] = &[];

const fn counter(
    name: &'static str,
    labels: &'static [Label],
    description: &'static str,
) -> MetricSpec {
    MetricSpec {
        name,
        kind: MetricKind::Counter,
        unit: Unit::Count,
        labels,
        description,
        boundaries: NO_BOUNDARIES,
    }
}

const LATENCY_BUCKETS: &[f64] = &[
    0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
    60.0, 300.0, 900.0, 3600.0,
];

const RISK_LEVELS: LabelValues = LabelValues::Fixed(&["safe", "warning", "danger"]);
const TIERS: &[&str] = &["haiku", "sonnet", "opus"];
const CHECKPOINT_TRIGGERS: LabelValues = LabelValues::Fixed(&[
    "explicit",
    "tool_calls",
    "interval",
    "risk_warning",
    "risk_danger",
    "pre_compact",
    "stop",
]);
const ACTOR_KINDS: LabelValues = LabelValues::Fixed(&[
    "chat_worker",
    "checkpoint_manager",
    "model_router",
    "experiment_manager",
]);
const OP: Label = label(
    "op",
    LabelValues::Bounded(
        "a node operation such as `session.start` or `task.claim`, a service's such as `router.route`, or `unknown`",
    ),
);

// The request path and the NATS connection.

/// Requests answered by the node.
pub const NODE_REQUESTS: MetricSpec = counter(
    "shim_node_requests",
    &[
        OP,
        label(
            "outcome",
            LabelValues::Bounded("`ok` or an error code such as `bad_request` or `busy`"),
        ),
    ],
    "Requests answered by the node, by operation and outcome",
);

/// Time from a request's arrival to its reply.
pub const NODE_REQUEST_DURATION: MetricSpec = MetricSpec {
    name: "shim_node_request_duration",
    kind: MetricKind::Histogram,
    unit: Unit::Seconds,
    labels: &[OP],
    description: "Time from a request's arrival to its reply, by operation",
    boundaries: &[
        0.000_05, 0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
        0.5, 1.0, 2.5, 5.0,
    ],
};

/// Messages the node could not serve.
pub const NODE_BAD_MESSAGES: MetricSpec = counter(
    "shim_node_bad_messages",
    &[label(
        "reason",
        LabelValues::Bounded(
            "`busy` or an error code such as `bad_request`, `unknown_operation` or `unsupported_version`",
        ),
    )],
    "Messages the node could not serve, by reason",
);

/// NATS connection events.
pub const NATS_CONNECTION_EVENTS: MetricSpec = counter(
    "shim_nats_connection_events",
    &[label(
        "event",
        LabelValues::Fixed(&[
            "connected",
            "disconnected",
            "lame_duck_mode",
            "draining",
            "closed",
            "slow_consumer",
            "server_error",
            "client_error",
        ]),
    )],
    "NATS connection events (connected, disconnected, ...)",
);

/// Events published.
pub const EVENTS_PUBLISHED: MetricSpec = counter(
    "shim_events_published",
    NO_LABELS,
    "Events published on shim.events",
);

/// Events dropped.
pub const EVENTS_DROPPED: MetricSpec = counter(
    "shim_events_dropped",
    NO_LABELS,
    "Events dropped because the publisher queue was full or NATS refused them",
);

// The supervisor and the chats.

/// Actor restarts.
pub const SUPERVISOR_RESTARTS: MetricSpec = counter(
    "shim_supervisor_restarts",
    &[label("kind", ACTOR_KINDS)],
    "Actors restarted by the supervisor after a failure",
);

/// Actor failures.
pub const SUPERVISOR_FAILURES: MetricSpec = counter(
    "shim_supervisor_failures",
    &[label("kind", ACTOR_KINDS)],
    "Actor failures seen by the supervisor",
);

/// Chats opened.
pub const CHATS_STARTED: MetricSpec =
    counter("shim_chats_started", NO_LABELS, "Chats opened on this node");

/// Chats ended.
pub const CHATS_ENDED: MetricSpec = counter(
    "shim_chats_ended",
    &[label(
        "reason",
        LabelValues::Fixed(&["ended", "idle", "stopped", "failed"]),
    )],
    "Chats ended on this node, by reason",
);

/// Chats with a running worker.
pub const CHATS_ACTIVE: MetricSpec = MetricSpec {
    name: "shim_chats_active",
    kind: MetricKind::UpDownCounter,
    unit: Unit::Count,
    labels: NO_LABELS,
    description: "Chats with a running worker",
    boundaries: NO_BOUNDARIES,
};

/// Signals received.
pub const SIGNALS: MetricSpec = counter(
    "shim_signals",
    &[label(
        "source",
        LabelValues::Fixed(&["mcp", "hook", "status_line", "transcript"]),
    )],
    "Signals received, by source",
);

// Crash prevention.

/// Each running chat's risk level.
pub const RISK_LEVEL: MetricSpec = MetricSpec {
    name: "shim_risk_level",
    kind: MetricKind::Gauge,
    unit: Unit::Level,
    labels: &[label("chat_id", LabelValues::PerChat)],
    description: "Crash-risk level of each running chat: 0 safe, 1 warning, 2 danger; gone when the chat ends",
    boundaries: NO_BOUNDARIES,
};

/// Risk level changes.
pub const RISK_LEVEL_CHANGES: MetricSpec = counter(
    "shim_risk_level_changes",
    &[label("level", RISK_LEVELS)],
    "Risk level changes, by the level entered",
);

/// Checkpoints saved.
pub const CHECKPOINTS: MetricSpec = counter(
    "shim_checkpoints",
    &[label("trigger", CHECKPOINT_TRIGGERS)],
    "Checkpoints saved, by trigger",
);

/// Time to save a checkpoint.
pub const CHECKPOINT_DURATION: MetricSpec = MetricSpec {
    name: "shim_checkpoint_duration",
    kind: MetricKind::Histogram,
    unit: Unit::Seconds,
    labels: &[label("trigger", CHECKPOINT_TRIGGERS)],
    description: "Time to save a checkpoint: gathering signals and git state, writing and flushing",
    boundaries: &[
        0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
    ],
};

/// Size of saved checkpoints.
pub const CHECKPOINT_SIZE: MetricSpec = MetricSpec {
    name: "shim_checkpoint_size",
    kind: MetricKind::Histogram,
    unit: Unit::Bytes,
    labels: &[label("trigger", CHECKPOINT_TRIGGERS)],
    description: "Compressed size of saved checkpoints",
    boundaries: &[256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262_144.0],
};

/// Sessions resumed.
pub const RESUMES: MetricSpec = counter(
    "shim_resumes",
    &[label(
        "reason",
        LabelValues::Fixed(&["crash", "timeout", "manual_exit", "unknown"]),
    )],
    "Sessions resumed from a checkpoint, by interruption reason",
);

// Routing.

/// Routing decisions.
pub const ROUTING_DECISIONS: MetricSpec = counter(
    "shim_routing_decisions",
    &[label("tier", LabelValues::Fixed(TIERS))],
    "Routing decisions, by tier",
);

/// Overrides of a routing decision.
pub const ROUTING_OVERRIDES: MetricSpec = counter(
    "shim_routing_overrides",
    &[
        label("recommended", LabelValues::Fixed(TIERS)),
        label("chosen", LabelValues::Fixed(TIERS)),
    ],
    "Overrides recorded, by recommended and chosen tier",
);

/// Estimated spend of routed prompts.
pub const ROUTING_ESTIMATED_SPEND: MetricSpec = MetricSpec {
    unit: Unit::Usd,
    ..counter(
        "shim_routing_estimated_spend_usd",
        NO_LABELS,
        "Estimated spend of routed prompts, US dollars",
    )
};

/// Estimated savings against always using opus.
pub const ROUTING_ESTIMATED_SAVINGS: MetricSpec = MetricSpec {
    unit: Unit::Usd,
    ..counter(
        "shim_routing_estimated_savings_usd",
        NO_LABELS,
        "Estimated savings against always using opus, US dollars",
    )
};

// Coordination.

/// Task changes.
pub const TASKS: MetricSpec = counter(
    "shim_tasks",
    &[label(
        "kind",
        LabelValues::Fixed(&[
            "dispatched",
            "claimed",
            "progress",
            "released",
            "returned",
            "requeued",
            "retrying",
            "completed",
            "failed",
            "dead",
            "cancelled",
        ]),
    )],
    "Task changes made by this node, by kind (dispatched, claimed, completed, ...)",
);

/// Time from dispatch to a task's first claim.
pub const TASK_CLAIM_LATENCY: MetricSpec = MetricSpec {
    name: "shim_task_claim_latency",
    kind: MetricKind::Histogram,
    unit: Unit::Seconds,
    labels: NO_LABELS,
    description: "Time from dispatch to a task's first claim",
    boundaries: LATENCY_BUCKETS,
};

/// Time from a task's last claim to its end.
pub const TASK_DURATION: MetricSpec = MetricSpec {
    name: "shim_task_duration",
    kind: MetricKind::Histogram,
    unit: Unit::Seconds,
    labels: &[label(
        "status",
        LabelValues::Fixed(&["done", "failed", "dead", "cancelled"]),
    )],
    description: "Time from a task's last claim to its end, by final status",
    boundaries: LATENCY_BUCKETS,
};

/// Redelivered claims.
pub const TASK_REDELIVERIES: MetricSpec = counter(
    "shim_task_redeliveries",
    NO_LABELS,
    "Claims of a task an earlier worker lost or gave back",
);

/// Tasks out of attempts.
pub const TASK_DEAD_LETTERS: MetricSpec = counter(
    "shim_task_dead_letters",
    NO_LABELS,
    "Tasks that ran out of attempts and went to the dead-letter stream",
);

/// Tasks waiting on the queue.
pub const TASKS_WAITING: MetricSpec = MetricSpec {
    name: "shim_tasks_waiting",
    kind: MetricKind::Gauge,
    unit: Unit::Count,
    labels: &[label(
        "priority",
        LabelValues::Fixed(&["critical", "high", "normal", "low", "blocked"]),
    )],
    description: "Tasks waiting on the queue by priority, and (priority=\"blocked\") for dependencies",
    boundaries: NO_BOUNDARIES,
};

/// Restarts of coordination's background tasks.
pub const COORDINATION_TASK_RESTARTS: MetricSpec = counter(
    "shim_coordination_task_restarts",
    &[label(
        "task",
        LabelValues::Fixed(&[
            "task index",
            "task puller",
            "registry sweeper",
            "chat recovery",
            "profile learner",
            "analytics ledger",
            "analytics sweeper",
            "analytics roller",
            "kaizen loop",
            "kaizen outcomes",
            "workflow monitor",
        ]),
    )],
    "Restarts of the node's supervised background tasks, by task",
);

// Claude Code's telemetry, taken in over OTLP/HTTP.

const OTLP_SIGNAL: Label = label("signal", LabelValues::Fixed(&["logs", "metrics"]));

/// OTLP export requests.
pub const OTLP_REQUESTS: MetricSpec = counter(
    "shim_otlp_requests",
    &[
        OTLP_SIGNAL,
        label("outcome", LabelValues::Fixed(&["ok", "rejected"])),
    ],
    "OTLP export requests, by signal (logs, metrics) and outcome (ok, rejected)",
);

/// Time to take in one OTLP export request.
pub const OTLP_REQUEST_DURATION: MetricSpec = MetricSpec {
    name: "shim_otlp_request_duration",
    kind: MetricKind::Histogram,
    unit: Unit::Seconds,
    labels: &[OTLP_SIGNAL],
    description: "Time to take in one OTLP export request, by signal",
    boundaries: &[
        0.000_1, 0.000_25, 0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0,
        2.5,
    ],
};

/// OTLP export requests refused.
pub const OTLP_BAD_REQUESTS: MetricSpec = counter(
    "shim_otlp_bad_requests",
    &[label(
        "reason",
        LabelValues::Fixed(&[
            "malformed",
            "unreadable",
            "too_large",
            "too_many_records",
            "unsupported_media_type",
            "unsupported_encoding",
            "slow_body",
            "unauthenticated",
            "busy",
            "internal",
        ]),
    )],
    "OTLP export requests refused, by reason",
);

/// OTLP records taken in.
pub const OTLP_RECORDS: MetricSpec = counter(
    "shim_otlp_records",
    &[
        OTLP_SIGNAL,
        label(
            "kind",
            LabelValues::Fixed(&[
                "api_request",
                "api_error",
                "tool_result",
                "compaction",
                "usage",
                "unknown",
            ]),
        ),
    ],
    "OTLP records (log records, metric data points) taken in, by signal and kind; unknown ones are counted and \
     ignored",
);

/// Telemetry not delivered to a chat's worker.
pub const OTLP_UNMATCHED: MetricSpec = counter(
    "shim_otlp_unmatched",
    &[label(
        "reason",
        LabelValues::Fixed(&[
            "unknown_chat",
            "no_session_id",
            "invalid_session_id",
            "worker_stopped",
        ]),
    )],
    "Telemetry signals not delivered to a chat's worker, by reason; their events are still published",
);

/// OTLP records dropped as already taken in.
pub const OTLP_DUPLICATES: MetricSpec = counter(
    "shim_otlp_duplicates",
    &[OTLP_SIGNAL],
    "OTLP records dropped because the same record was taken in recently (an exporter sending a batch again), \
     by signal",
);

/// Telemetry delivered to chats' workers.
pub const OTLP_SIGNALS: MetricSpec = counter(
    "shim_otlp_signals",
    NO_LABELS,
    "Signals from telemetry delivered to chats' workers",
);

// The analytics store and the session ledger.

/// Stored events the session ledger handled.
pub const ANALYTICS_EVENTS: MetricSpec = counter(
    "shim_analytics_events",
    &[label("what", LabelValues::Fixed(&["applied", "ignored"]))],
    "Stored events the session ledger handled, by what it did (applied, ignored)",
);

/// Stored events skipped as malformed.
pub const ANALYTICS_BAD_EVENTS: MetricSpec = counter(
    "shim_analytics_bad_events",
    &[label("reader", LabelValues::Fixed(&["ledger", "query"]))],
    "Stored events the analytics component skipped as malformed, by reader (ledger, query)",
);

/// Session outcomes decided or changed.
pub const ANALYTICS_OUTCOMES: MetricSpec = counter(
    "shim_analytics_outcomes",
    &[label(
        "outcome",
        LabelValues::Fixed(&[
            "clean",
            "interrupted",
            "resumed",
            "abandoned",
            "compacted",
            "api_error",
            "too_long",
        ]),
    )],
    "Session outcomes decided or changed by this node, by outcome",
);

/// Stored events read by summary queries.
pub const ANALYTICS_QUERY_EVENTS: MetricSpec = counter(
    "shim_analytics_query_events",
    NO_LABELS,
    "Stored events read to answer summary queries",
);

// The Kaizen loop.

/// The decisions of the Kaizen loop's experiment manager, as its audit names them.
const KAIZEN_ACTIONS: &[&str] = &[
    "proposed",
    "refused",
    "approved",
    "started",
    "advanced",
    "shipped",
    "rolled_back",
    "stopped",
    "reverted",
];

/// Decisions of the experiment manager.
pub const KAIZEN_DECISIONS: MetricSpec = counter(
    "shim_kaizen_decisions",
    &[label("action", LabelValues::Fixed(KAIZEN_ACTIONS))],
    "Decisions of this node's experiment manager, by action as audited (proposed, started, shipped, ...)",
);

/// Chats newly assigned to an experiment.
pub const KAIZEN_EXPOSURES: MetricSpec = counter(
    "shim_kaizen_exposures",
    &[label(
        "variant",
        LabelValues::Fixed(&["control", "treatment"]),
    )],
    "Chats newly assigned to an experiment by this node's experiment manager, by variant (control, treatment)",
);

/// Chat outcomes counted into an experiment.
pub const KAIZEN_OBSERVATIONS: MetricSpec = counter(
    "shim_kaizen_observations",
    NO_LABELS,
    "Chat outcomes counted into an experiment by this node's experiment manager",
);

/// Every metric, in the order docs/metrics.md lists them.
pub const CATALOGUE: &[&MetricSpec] = &[
    &NODE_REQUESTS,
    &NODE_REQUEST_DURATION,
    &NODE_BAD_MESSAGES,
    &NATS_CONNECTION_EVENTS,
    &EVENTS_PUBLISHED,
    &EVENTS_DROPPED,
    &SUPERVISOR_FAILURES,
    &SUPERVISOR_RESTARTS,
    &CHATS_STARTED,
    &CHATS_ENDED,
    &CHATS_ACTIVE,
    &SIGNALS,
    &RISK_LEVEL,
    &RISK_LEVEL_CHANGES,
    &CHECKPOINTS,
    &CHECKPOINT_DURATION,
    &CHECKPOINT_SIZE,
    &RESUMES,
    &ROUTING_DECISIONS,
    &ROUTING_OVERRIDES,
    &ROUTING_ESTIMATED_SPEND,
    &ROUTING_ESTIMATED_SAVINGS,
    &TASKS,
    &TASK_CLAIM_LATENCY,
    &TASK_DURATION,
    &TASK_REDELIVERIES,
    &TASK_DEAD_LETTERS,
    &TASKS_WAITING,
    &COORDINATION_TASK_RESTARTS,
    &ANALYTICS_EVENTS,
    &ANALYTICS_BAD_EVENTS,
    &ANALYTICS_OUTCOMES,
    &ANALYTICS_QUERY_EVENTS,
    &KAIZEN_DECISIONS,
    &KAIZEN_EXPOSURES,
    &KAIZEN_OBSERVATIONS,
    &OTLP_REQUESTS,
    &OTLP_REQUEST_DURATION,
    &OTLP_BAD_REQUESTS,
    &OTLP_RECORDS,
    &OTLP_UNMATCHED,
    &OTLP_SIGNALS,
    &OTLP_DUPLICATES,
];

/// Returns the entry whose Prometheus name (or, for a histogram, one of its series' names) is `name`.
pub fn by_prometheus_name(name: &str) -> Option<&'static MetricSpec> {
    CATALOGUE.iter().copied().find(|spec| {
        let exposed = spec.prometheus_name();
        name == exposed
            || (spec.kind == MetricKind::Histogram
                && ["_bucket", "_sum", "_count"]
                    .iter()
                    .any(|suffix| name.strip_suffix(suffix) == Some(exposed.as_str())))
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn names_are_unique_and_follow_the_convention() {
        let mut seen = BTreeSet::new();
        for spec in CATALOGUE {
            assert!(seen.insert(spec.name), "{} is declared twice", spec.name);
            assert!(spec.name.starts_with("shim_"), "{}", spec.name);
            assert!(
                !spec.name.ends_with("_total"),
                "{}: the exporter adds _total",
                spec.name
            );
            assert!(
                !spec.description.is_empty(),
                "{} has no description",
                spec.name
            );
            assert_eq!(
                spec.kind == MetricKind::Histogram,
                !spec.boundaries.is_empty(),
                "{}: boundaries are for histograms",
                spec.name
            );
            let labels: BTreeSet<_> = spec.label_names().collect();
            assert_eq!(
                labels.len(),
                spec.labels.len(),
                "{}: a label twice",
                spec.name
            );
        }
    }

    #[test]
    fn prometheus_names_carry_the_exporter_suffixes() {
        assert_eq!(NODE_REQUESTS.prometheus_name(), "shim_node_requests_total");
        assert_eq!(
            NODE_REQUEST_DURATION.prometheus_name(),
            "shim_node_request_duration_seconds"
        );
        assert_eq!(
            CHECKPOINT_SIZE.prometheus_name(),
            "shim_checkpoint_size_bytes"
        );
        assert_eq!(
            ROUTING_ESTIMATED_SPEND.prometheus_name(),
            "shim_routing_estimated_spend_usd_total"
        );
        assert_eq!(RISK_LEVEL.prometheus_name(), "shim_risk_level");
        assert_eq!(
            by_prometheus_name("shim_checkpoint_duration_seconds_bucket"),
            Some(&CHECKPOINT_DURATION)
        );
        assert_eq!(by_prometheus_name("shim_chats_active_bucket"), None);
    }
}
