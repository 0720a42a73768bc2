//! Fuzz targets for what a node decodes off the wire: every message type's MessagePack payload (each
//! request the node serves, and the replies clients decode), a reply's `{ok|err}` envelope, and the event
//! JSON on `shim.events.>`. Seeds are the golden encodings (`tests/fixtures/messages.golden`), so a new
//! message type is fuzzed as soon as it has a wire test.
//!
//! Properties: decoding never panics and returns within [`fuzz::PER_INPUT`], a value or an error; whatever
//! decodes re-encodes, and that encoding decodes to a value that encodes to the same bytes (byte equality,
//! so a NaN that arrived stays a NaN). Cases: [`fuzz::cases`] (`SHIM_FUZZ_CASES`, see `support/fuzz.rs`).

#[path = "support/fuzz.rs"]
mod fuzz;

use std::{collections::BTreeMap, fmt::Debug};

use proptest::prelude::*;
use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Value, json};
use shim_protocol::{
    Event, WireResult,
    codec::{self, MAX_PAYLOAD_BYTES},
    messages::*,
};

/// Decodes `bytes` as `T`; if that works, checks the round trip. Returns whether it decoded.
fn decode_as<T: Serialize + DeserializeOwned + Debug>(bytes: &[u8]) -> bool {
    let Ok(value) = fuzz::bounded(std::any::type_name::<T>(), || codec::decode::<T>(bytes)) else {
        return false;
    };
    round_trip(&value);
    // A reply carries the same value inside its envelope.
    let reply: WireResult<T> = Ok(value);
    if let Ok(encoded) = codec::encode_reply(&reply) {
        let back = codec::decode_reply::<T>(&encoded).expect("an encoded reply decodes");
        assert!(back.is_ok(), "a value comes back as an error");
    }
    true
}

/// Encode, decode, encode: the same bytes. A value decoded from a large positional payload may re-encode
/// above the size limit (names take room); that is refused, not a failure.
fn round_trip<T: Serialize + DeserializeOwned + Debug>(value: &T) {
    let Ok(once) = codec::encode(value) else {
        return;
    };
    let back: T = codec::decode(&once)
        .unwrap_or_else(|error| panic!("{value:?} encodes to bytes it cannot decode: {error}"));
    let twice = codec::encode(&back).expect("re-encodes");
    assert_eq!(once, twice, "{value:?} does not survive a round trip");
    // As JSON too, as the KV buckets and the task queue store records.
    if let Ok(text) = serde_json::to_vec(value)
        && let Ok(back) = serde_json::from_slice::<T>(&text)
    {
        assert!(same_json(
            &serde_json::to_vec(&back).expect("re-encodes"),
            &text
        ));
    }
}

/// Whether two JSON texts hold the same value. serde_json reads a float to the nearest few ulps, not
/// exactly (its `float_roundtrip` feature is off), so floats compare within a relative 1e-12.
fn same_json(left: &[u8], right: &[u8]) -> bool {
    fn same(left: &Value, right: &Value) -> bool {
        match (left, right) {
            (Value::Number(left), Value::Number(right)) if left.is_f64() || right.is_f64() => {
                let (left, right) = (left.as_f64().unwrap_or(0.0), right.as_f64().unwrap_or(0.0));
                left == right || (left - right).abs() <= 1e-12 * left.abs().max(right.abs())
            }
            (Value::Array(left), Value::Array(right)) => {
                left.len() == right.len() && left.iter().zip(right).all(|(l, r)| same(l, r))
            }
            (Value::Object(left), Value::Object(right)) => {
                left.len() == right.len()
                    && left
                        .iter()
                        .zip(right)
                        .all(|((lk, lv), (rk, rv))| lk == rk && same(lv, rv))
            }
            _ => left == right,
        }
    }
    match (serde_json::from_slice(left), serde_json::from_slice(right)) {
        (Ok(left), Ok(right)) => same(&left, &right),
        _ => false,
    }
}

/// Every message type by name, with its decoder.
type Decoder = fn(&[u8]) -> bool;

macro_rules! decoders {
    ($($name:ident),* $(,)?) => {
        fn decoders() -> BTreeMap<&'static str, Decoder> {
            BTreeMap::from([$((stringify!($name), decode_as::<$name> as Decoder)),*])
        }
    };
}

decoders!(
    ActorInfo,
    ActorStatus,
    AnalyticsSummary,
    ArmRecord,
    AssignReply,
    AssignRequest,
    Assignment,
    AuditEntry,
    AuditList,
    AuditRequest,
    Better,
    CategoryRouting,
    ChatEntry,
    ChatProcess,
    ChatInfo,
    ChatList,
    ChatMessage,
    ChatParameters,
    ChatRole,
    ChatSilentNotice,
    ChatSilentReply,
    ChatStatus,
    Checkpoint,
    CheckpointCoverage,
    CheckpointInput,
    CheckpointList,
    CheckpointSaved,
    CheckpointStats,
    CheckpointSummary,
    CheckpointTrigger,
    ClaimTaskReply,
    ClaimTaskRequest,
    ClaimedTask,
    CollectResultsRequest,
    CompleteTaskReply,
    CompleteTaskRequest,
    ConversationState,
    CrashPrediction,
    DispatchTaskReply,
    DispatchTaskRequest,
    Effect,
    Experiment,
    ExperimentIdRequest,
    ExperimentList,
    ExperimentPlan,
    ExperimentStatus,
    FailTaskRequest,
    FileState,
    GetCheckpointRequest,
    GuardrailSpec,
    HeartbeatRequest,
    HelloReply,
    HelloRequest,
    Interruption,
    InterruptionReason,
    LearnedPreference,
    LevelPrediction,
    LevelReached,
    ListChatsRequest,
    ListCheckpointsRequest,
    LockReply,
    LockRequest,
    LookRecord,
    MessageList,
    MetricKind,
    MetricSpec,
    Observation,
    ObserveReply,
    ObserveRequest,
    OverrideReply,
    OverrideRequest,
    ParameterChange,
    ParameterList,
    ParameterValue,
    Period,
    Priority,
    ProposeRequest,
    ProposedValue,
    Quartiles,
    QueueStats,
    ReadMessagesRequest,
    ReleaseLockReply,
    ReleaseLockRequest,
    ResumeCheckRequest,
    ResumeCounts,
    ResumeOffer,
    ResumeRequest,
    RiskLevel,
    RiskReport,
    RiskRequest,
    RouteAlternative,
    RouteReply,
    RouteRequest,
    RoutingStats,
    SaveCheckpointRequest,
    SendMessageRequest,
    SessionEndReply,
    SessionEndRequest,
    SessionList,
    SessionOutcome,
    SessionRecord,
    SessionStartReply,
    SessionStartRequest,
    SessionsRequest,
    SignalBatch,
    SignalEvent,
    SignalSnapshot,
    SignalSource,
    SpendStats,
    Spread,
    StageRecord,
    StatusReply,
    StatusRequest,
    SummaryRequest,
    Tally,
    TaskIdRequest,
    TaskList,
    TaskProgressRequest,
    TaskRecord,
    TaskState,
    TaskStatus,
    TaskStatusRequest,
    ToolCallRecord,
    Variant,
);

/// The golden encodings: (type, one sample's bytes), every variant of an enum.
fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let decoders = decoders();
    let golden = include_str!("fixtures/messages.golden");
    let mut seeds = Vec::new();
    for line in golden.lines() {
        let mut words = line.split(' ');
        let name = words.next().expect("a name");
        let (name, _) = decoders
            .get_key_value(name)
            .unwrap_or_else(|| panic!("{name} is in the golden file but has no fuzz target"));
        for hex in words {
            let bytes = (0..hex.len())
                .step_by(2)
                .map(|at| u8::from_str_radix(&hex[at..at + 2], 16).expect("hex"))
                .collect();
            seeds.push((*name, bytes));
        }
    }
    seeds
}

/// Decodes `bytes` as the type called `name`.
fn decode_named(name: &str, bytes: &[u8]) -> bool {
    decoders()[name](bytes)
}

#[test]
fn every_golden_type_has_a_target_and_its_seed_decodes() {
    let seeds = seeds();
    assert_eq!(
        seeds
            .iter()
            .map(|(name, _)| *name)
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        decoders().len(),
        "a type with a fuzz target is missing from the golden file"
    );
    for (name, bytes) in &seeds {
        assert!(
            decode_named(name, bytes),
            "{name}: its golden bytes do not decode"
        );
    }
}

#[test]
fn every_truncation_of_every_seed_is_an_error_or_a_value() {
    for (name, bytes) in seeds() {
        for cut in 0..bytes.len() {
            decode_named(name, &bytes[..cut]);
        }
    }
}

/// MessagePack that claims more than it holds, nests deeper than any message, or carries strings that
/// are not UTF-8: for every type.
#[test]
fn hostile_shapes_are_errors_not_panics() {
    let mut inputs: Vec<Vec<u8>> = vec![
        // Array, map, string and binary headers claiming 4 GiB of content that is not there.
        vec![0xdd, 0xff, 0xff, 0xff, 0xff],
        vec![0xdf, 0xff, 0xff, 0xff, 0xff],
        vec![0xdb, 0xff, 0xff, 0xff, 0xff],
        vec![0xc6, 0xff, 0xff, 0xff, 0xff],
        vec![0xc9, 0xff, 0xff, 0xff, 0xff, 0x01],
        // A map whose key claims 4 GiB.
        vec![0x81, 0xdb, 0xff, 0xff, 0xff, 0xff],
        // Numbers at their limits.
        vec![0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff],
        vec![0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0],
        vec![0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 1],
        // A string that is not UTF-8, and the reserved marker.
        vec![0xa2, 0xff, 0xfe],
        vec![0xc1],
    ];
    for depth in [1_000, 100_000, MAX_PAYLOAD_BYTES - 1] {
        // Arrays of one array, and maps of one key to a map.
        let mut arrays = vec![0x91; depth];
        arrays.push(0xc0);
        inputs.push(arrays);
        let mut maps = b"\x81\xa1a".repeat(depth / 3);
        maps.push(0xc0);
        inputs.push(maps);
    }
    inputs.push(vec![0xc0; MAX_PAYLOAD_BYTES + 1]);
    for (name, decode) in decoders() {
        for input in &inputs {
            fuzz::bounded(name, || decode(input));
        }
    }
}

/// Byte-level edits of a seed.
#[derive(Debug, Clone)]
enum Edit {
    /// Overwrite a byte.
    Set(usize, u8),
    /// Insert bytes.
    Insert(usize, Vec<u8>),
    /// Remove a run of bytes.
    Remove(usize, usize),
    /// Repeat a run of bytes in place.
    Repeat(usize, usize, usize),
    /// Make the first byte of a string's content invalid UTF-8.
    BreakString(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Bytes that are MessagePack markers: lengths, numbers, nil, the reserved one.
    let marker = prop_oneof![
        any::<u8>(),
        prop::sample::select(vec![
            0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc6,
            0xca, 0xcb, 0xcf, 0xd3, 0xd4, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff,
        ]),
    ];
    prop_oneof![
        (any::<usize>(), marker).prop_map(|(at, byte)| Edit::Set(at, byte)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..9))
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1usize..16).prop_map(|(at, len)| Edit::Remove(at, len)),
        (any::<usize>(), 1usize..16, 1usize..64)
            .prop_map(|(at, len, times)| Edit::Repeat(at, len, times)),
        any::<usize>().prop_map(Edit::BreakString),
    ]
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let len = bytes.len();
    match edit {
        Edit::Set(at, byte) if len > 0 => bytes[at % len] = *byte,
        Edit::Insert(at, new) => {
            let at = at % (len + 1);
            bytes.splice(at..at, new.iter().copied());
        }
        Edit::Remove(at, run) if len > 0 => {
            let at = at % len;
            bytes.drain(at..(at + run).min(len));
        }
        Edit::Repeat(at, run, times) if len > 0 => {
            let at = at % len;
            let piece = bytes[at..(at + run).min(len)].to_vec();
            bytes.splice(at..at, piece.repeat(*times));
        }
        Edit::BreakString(nth) => {
            // Fixstr headers (0xa1..=0xbf) followed by their content.
            let strings: Vec<usize> = (0..len)
                .filter(|at| (0xa1..=0xbf).contains(&bytes[*at]) && at + 1 < len)
                .collect();
            if !strings.is_empty() {
                bytes[strings[nth % strings.len()] + 1] = 0xff;
            }
        }
        _ => {}
    }
}

proptest! {
    #![proptest_config(fuzz::config())]

    /// Any bytes, as every type.
    #[test]
    fn arbitrary_bytes_decode_or_fail_cleanly(
        bytes in proptest::collection::vec(any::<u8>(), 0..2048)
    ) {
        for decode in decoders().values() {
            decode(&bytes);
        }
    }

    /// A golden payload with a few byte-level edits, as its own type.
    #[test]
    fn edited_seeds_decode_or_fail_cleanly(
        seed in any::<prop::sample::Index>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let seeds = seeds();
        let (name, mut bytes) = seeds[seed.index(seeds.len())].clone();
        for edit in &edits {
            apply(&mut bytes, edit);
        }
        decode_named(name, &bytes);
    }

    /// A golden payload, well-formed MessagePack (and JSON), with one field or element replaced by a value
    /// of another shape: a huge number, a long string, deep nesting, an unknown enum name.
    #[test]
    fn seeds_with_a_field_of_the_wrong_shape_decode_or_fail_cleanly(
        seed in any::<prop::sample::Index>(),
        path in any::<usize>(),
        replacement in fuzz::wrong_value(),
    ) {
        let seeds = seeds();
        let (name, bytes) = &seeds[seed.index(seeds.len())];
        let sample: Value = rmp_serde::from_slice(bytes).expect("a seed reads as a value");
        let mutated = fuzz::replace_one(&sample, path, replacement);
        let encoded = rmp_serde::to_vec_named(&mutated).expect("encodes");
        decode_named(name, &encoded);
    }

    /// Event JSON: any bytes, and a valid event with a field of the wrong shape.
    #[test]
    fn event_json_decodes_or_fails_cleanly(
        bytes in proptest::collection::vec(any::<u8>(), 0..1024),
        path in any::<usize>(),
        replacement in fuzz::wrong_value(),
    ) {
        decode_event(&bytes);
        let mutated = fuzz::replace_one(&sample_event(), path, replacement);
        decode_event(&serde_json::to_vec(&mutated).expect("encodes"));
    }
}

fn sample_event() -> Value {
    json!({
        "type": "chats.started", "ts": "2026-12-03T09:00:00.000Z", "node_id": "n1", "chat_id": "c1",
        "data": {"project_dir": "/p", "nested": [1, 2.5, "three", {"four": null}]}
    })
}

fn decode_event(bytes: &[u8]) {
    if let Ok(event) = fuzz::bounded("event", || codec::decode_event(bytes)) {
        let once = codec::encode_event(&event).expect("an event encodes");
        let back: Event = codec::decode_event(&once).expect("an encoded event decodes");
        let twice = codec::encode_event(&back).expect("re-encodes");
        assert!(
            same_json(&twice, &once),
            "{event:?} does not survive a round trip"
        );
    }
}

#[test]
fn event_json_truncations_and_nesting_are_errors_not_panics() {
    let sample = serde_json::to_vec(&sample_event()).expect("encodes");
    for cut in 0..sample.len() {
        decode_event(&sample[..cut]);
    }
    for depth in [100, 10_000, MAX_PAYLOAD_BYTES / 2] {
        let deep = format!(
            r#"{{"type":"a.b","ts":"t","node_id":"n","data":{}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        decode_event(deep.as_bytes());
    }
    decode_event(br#"{"type":"a.b","ts":"t","node_id":"n","data":1e999999}"#);
    decode_event(b"{\"type\":\"\xff\xfe\",\"ts\":\"t\",\"node_id\":\"n\"}");
}
