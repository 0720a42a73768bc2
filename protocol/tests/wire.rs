//! Round trips, compatibility between old and new shapes, and golden bytes of the wire format.

use std::path::PathBuf;

use proptest::prelude::*;
use serde::{Serialize, de::DeserializeOwned};
use shim_protocol::{
    CodecError, Event, WireError, WireResult, codec,
    messages::{
        ActorInfo, ActorStatus, ChatInfo, HelloReply, HelloRequest, SessionEndReply,
        SessionEndRequest, SessionStartReply, SessionStartRequest, StatusReply, StatusRequest,
    },
};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let bytes = codec::encode(value).expect("encodes");
    let back: T = codec::decode(&bytes).expect("decodes");
    assert_eq!(&back, value);
}

fn sample_chat() -> ChatInfo {
    ChatInfo {
        chat_id: "0193f6c2-7d1e-7c3a-9f00-123456789abc".to_owned(),
        name: Some("refactor parser".to_owned()),
        project_dir: Some("/home/dev/parser".to_owned()),
        client: Some("claude-code".to_owned()),
        started_at_ms: 1_764_000_000_000,
        last_active_ms: 1_764_000_360_000,
        requests: 12,
    }
}

fn sample_status() -> StatusReply {
    StatusReply {
        node_id: "laptop".to_owned(),
        chat_id: Some("0193f6c2-7d1e-7c3a-9f00-123456789abc".to_owned()),
        nats_url: "nats://127.0.0.1:4222".to_owned(),
        uptime_s: 360,
        version: "0.1.0".to_owned(),
        actors: vec![
            ActorInfo {
                name: "supervisor".to_owned(),
                kind: "supervisor".to_owned(),
                status: ActorStatus::Running,
                restarts: 0,
            },
            ActorInfo {
                name: "chat_worker.0193f6c2-7d1e-7c3a-9f00-123456789abc".to_owned(),
                kind: "chat_worker".to_owned(),
                status: ActorStatus::Restarting,
                restarts: 2,
            },
        ],
        chat: Some(sample_chat()),
    }
}

#[test]
fn every_message_round_trips() {
    round_trip(&HelloRequest {
        client: "shim-node mcp".to_owned(),
    });
    round_trip(&HelloReply {
        node_id: "laptop".to_owned(),
        protocol: 1,
        version: "0.1.0".to_owned(),
        uptime_s: 3,
    });
    round_trip(&SessionStartRequest {
        chat_id: None,
        project_dir: Some("/p".to_owned()),
        name: Some("n".to_owned()),
        client: Some("cli".to_owned()),
        claude_pid: Some(4242),
        process: Some(shim_protocol::messages::ChatProcess {
            pid: 4242,
            started: Some(77),
            boot_id: Some("b".to_owned()),
        }),
    });
    round_trip(&SessionStartReply {
        chat_id: "c".to_owned(),
        node_id: "n".to_owned(),
        created: true,
        chat_secret: None,
    });
    round_trip(&SessionEndRequest {
        chat_id: "c".to_owned(),
        reason: Some("done".to_owned()),
        claude_pid: None,
    });
    round_trip(&SessionEndReply {
        chat_id: "c".to_owned(),
    });
    round_trip(&StatusRequest { chat_id: None });
    round_trip(&sample_status());
}

#[test]
fn replies_round_trip_both_halves() {
    let ok: WireResult<SessionEndReply> = Ok(SessionEndReply {
        chat_id: "c".to_owned(),
    });
    let bytes = codec::encode_reply(&ok).expect("encodes");
    assert_eq!(
        codec::decode_reply::<SessionEndReply>(&bytes).expect("decodes"),
        ok
    );

    for error in [
        WireError::bad_request("missing field `client`"),
        WireError::UnsupportedVersion {
            got: 9,
            min: 1,
            max: 1,
        },
        WireError::UnknownOperation {
            subject: "shim.v1.node.n.nope".to_owned(),
        },
        WireError::chat_not_found("c"),
        WireError::TooLarge { size: 2, limit: 1 },
        WireError::Busy {
            message: "full".to_owned(),
        },
        WireError::Timeout {
            operation: "status".to_owned(),
            after_ms: 5,
        },
        WireError::Unavailable {
            message: "stopping".to_owned(),
        },
        WireError::Internal {
            message: "bug".to_owned(),
        },
    ] {
        let reply: WireResult<SessionEndReply> = Err(error.clone());
        let bytes = codec::encode_reply(&reply).expect("encodes");
        assert_eq!(
            codec::decode_reply::<SessionEndReply>(&bytes).expect("decodes"),
            reply
        );
    }
}

/// What a later release might send: `StatusRequest` with a field this build does not know.
#[derive(Serialize)]
struct StatusRequestFromTheFuture {
    chat_id: Option<String>,
    verbose: bool,
    include: Vec<String>,
}

/// What the first release of `SessionStartRequest` looked like if it had carried only a name.
#[derive(Serialize)]
struct SessionStartRequestFromThePast {
    name: Option<String>,
}

#[test]
fn old_reader_skips_fields_a_new_writer_adds() {
    let bytes = codec::encode(&StatusRequestFromTheFuture {
        chat_id: Some("c".to_owned()),
        verbose: true,
        include: vec!["signals".to_owned()],
    })
    .expect("encodes");
    let read: StatusRequest = codec::decode(&bytes).expect("an old reader ignores unknown fields");
    assert_eq!(read.chat_id.as_deref(), Some("c"));
}

#[test]
fn new_reader_defaults_fields_an_old_writer_lacks() {
    let bytes = codec::encode(&SessionStartRequestFromThePast {
        name: Some("n".to_owned()),
    })
    .expect("encodes");
    let read: SessionStartRequest = codec::decode(&bytes).expect("missing optional fields default");
    assert_eq!(read.name.as_deref(), Some("n"));
    assert_eq!(read.chat_id, None);
    assert_eq!(read.project_dir, None);
}

#[test]
fn positional_encoding_is_not_what_we_write() {
    // A compact array would break old readers as soon as a field is added; make sure the names are there.
    let bytes = codec::encode(&StatusRequest {
        chat_id: Some("c".to_owned()),
    })
    .expect("encodes");
    assert!(bytes.windows(7).any(|window| window == b"chat_id"));
}

#[test]
fn malformed_and_oversized_payloads_are_errors_not_panics() {
    for garbage in [
        &b""[..],
        &b"\xc1"[..],
        &b"{\"chat_id\": 1}"[..],
        &[0x81, 0xa7][..],
        &[0xdf, 0xff, 0xff, 0xff, 0xff][..],
    ] {
        assert!(matches!(
            codec::decode::<StatusRequest>(garbage),
            Err(CodecError::Decode(_))
        ));
    }
    // A well-formed map of the wrong shape.
    let wrong = codec::encode(&SessionEndReply {
        chat_id: "c".to_owned(),
    })
    .expect("encodes");
    assert!(matches!(
        codec::decode::<HelloReply>(&wrong),
        Err(CodecError::Decode(_))
    ));
    let huge = vec![0u8; codec::MAX_PAYLOAD_BYTES + 1];
    assert!(matches!(
        codec::decode::<StatusRequest>(&huge),
        Err(CodecError::TooLarge { .. })
    ));
    assert!(matches!(
        WireError::from(CodecError::TooLarge { size: 2, limit: 1 }),
        WireError::TooLarge { .. }
    ));
}

/// Found by the fuzz targets (tests/fuzz.rs): a thousand maps nested under a field a request does not
/// know (3 KB) overflowed the stack of the task decoding it, which aborted the whole node. Nesting is
/// now refused beyond `128`.
#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [codec::MAX_DEPTH + 1, 1_000, 100_000] {
        let mut maps = b"\x81\xa1a".repeat(depth);
        maps.push(0xc0);
        assert!(
            matches!(
                codec::decode::<StatusRequest>(&maps),
                Err(CodecError::Decode(_))
            ),
            "{depth} nested maps"
        );
    }
    // As deep as any message could nest still decodes.
    let mut nested = b"\x81\xa7chat_id\xa1c".to_vec();
    for _ in 0..(codec::MAX_DEPTH - 2) {
        let mut outer = b"\x82\xa7chat_id\xa1c\xa1a".to_vec();
        outer.extend_from_slice(&nested);
        nested = outer;
    }
    codec::decode::<StatusRequest>(&nested).expect("decodes");
}

#[test]
fn events_are_readable_json_with_the_documented_envelope() {
    let event = Event {
        kind: "chats.started".to_owned(),
        ts: "2026-11-24T10:00:00.000Z".to_owned(),
        node_id: "laptop".to_owned(),
        chat_id: Some("c".to_owned()),
        data: serde_json::json!({"project_dir": "/p"}),
    };
    let text = String::from_utf8(codec::encode_event(&event).expect("encodes")).expect("utf-8");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(value["type"], "chats.started");
    assert_eq!(value["node_id"], "laptop");
    assert_eq!(value["chat_id"], "c");
    assert_eq!(value["data"]["project_dir"], "/p");
    assert_eq!(
        codec::decode_event(text.as_bytes()).expect("decodes"),
        event
    );
    assert_eq!(event.subject(), "shim.events.chats.started");
    assert_eq!(event.component(), "chats");

    let without_chat = Event {
        chat_id: None,
        ..event
    };
    let text =
        String::from_utf8(codec::encode_event(&without_chat).expect("encodes")).expect("utf-8");
    assert!(!text.contains("chat_id"));
    assert!(codec::decode_event(b"{\"type\": 3}").is_err());
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Compares an encoding with the bytes checked in under `tests/fixtures/`. A deliberate format change
/// regenerates them with `SHIM_BLESS=1 cargo test -p shim-protocol`, and the diff shows in review.
fn assert_golden<T: Serialize>(name: &str, value: &T) {
    let bytes = codec::encode(value).expect("encodes");
    let path = fixture(name);
    if std::env::var_os("SHIM_BLESS").is_some() {
        std::fs::write(&path, &bytes).expect("writes fixture");
    }
    let golden = std::fs::read(&path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; run SHIM_BLESS=1 cargo test -p shim-protocol",
            path.display()
        )
    });
    assert_eq!(bytes, golden, "wire format of {name} changed");
}

#[test]
fn golden_bytes_have_not_drifted() {
    assert_golden("status_reply.msgpack", &WireResult::Ok(sample_status()));
    assert_golden(
        "session_start_request.msgpack",
        &SessionStartRequest {
            chat_id: None,
            project_dir: Some("/home/dev/parser".to_owned()),
            name: Some("refactor parser".to_owned()),
            client: Some("claude-desktop".to_owned()),
            claude_pid: None,
            process: None,
        },
    );
    assert_golden(
        "error_reply.msgpack",
        &WireResult::<StatusReply>::Err(WireError::chat_not_found("c")),
    );
}

#[test]
fn golden_bytes_still_decode() {
    let status: WireResult<StatusReply> =
        codec::decode(&std::fs::read(fixture("status_reply.msgpack")).expect("fixture"))
            .expect("decodes");
    assert_eq!(status, Ok(sample_status()));
    let error: WireResult<StatusReply> =
        codec::decode(&std::fs::read(fixture("error_reply.msgpack")).expect("fixture"))
            .expect("decodes");
    assert_eq!(error, Err(WireError::chat_not_found("c")));
}

proptest! {
    #[test]
    fn arbitrary_chat_info_round_trips(
        chat_id in "\\PC{1,64}",
        name in proptest::option::of("\\PC{0,200}"),
        project_dir in proptest::option::of("\\PC{0,200}"),
        started_at_ms in any::<u64>(),
        requests in any::<u64>(),
    ) {
        let info = ChatInfo {
            chat_id,
            name,
            project_dir,
            client: None,
            started_at_ms,
            last_active_ms: started_at_ms,
            requests,
        };
        let bytes = codec::encode(&info).expect("encodes");
        prop_assert_eq!(codec::decode::<ChatInfo>(&bytes).expect("decodes"), info);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_decoder(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = codec::decode::<StatusReply>(&bytes);
        let _ = codec::decode::<SessionStartRequest>(&bytes);
        let _ = codec::decode_event(&bytes);
    }
}

#[test]
fn signal_checkpoint_and_resume_messages_round_trip() {
    use shim_protocol::messages::{
        Checkpoint, CheckpointInput, CheckpointSaved, CheckpointTrigger, ConversationState,
        FileState, InterruptionReason, ResumeOffer, RiskLevel, RiskReport, SaveCheckpointRequest,
        SignalBatch, SignalEvent, SignalSnapshot, SignalSource, TaskState, ToolCallRecord,
    };
    round_trip(&SignalBatch {
        chat_id: "c".to_owned(),
        source: SignalSource::Hook,
        at_ms: 1,
        events: vec![
            SignalEvent::ToolCall {
                tool: "Bash".to_owned(),
                ok: false,
                duration_ms: Some(120),
                arguments: Some("cargo test".to_owned()),
                result: Some("exit 101".to_owned()),
            },
            SignalEvent::UserPrompt,
            SignalEvent::TurnEnded {
                latency_ms: Some(900),
            },
            SignalEvent::TurnFailed { error: None },
            SignalEvent::PreCompact,
            SignalEvent::PostCompact,
            SignalEvent::Usage {
                tokens_used: Some(100_000),
                context_window: Some(200_000),
                used_percentage: Some(50.0),
                cost_usd: Some(1.25),
                model: Some("claude-sonnet".to_owned()),
            },
            SignalEvent::Reported {
                message_count: Some(3),
                tokens_used: None,
                context_window: None,
                tool_calls: Some(9),
                tool_failures: Some(1),
                last_latency_ms: None,
            },
            SignalEvent::SessionEnded {
                reason: Some("exit".to_owned()),
            },
        ],
        transcript_path: Some("/tmp/t.jsonl".to_owned()),
        prompt: Some("fix the lexer".to_owned()),
        trigger: None,
    });
    let risk = RiskReport {
        chat_id: "c".to_owned(),
        level: RiskLevel::Warning,
        score: 0.5,
        reasons: vec!["context 62% (warning at 60%)".to_owned()],
        signals: SignalSnapshot::default(),
        advice: None,
    };
    round_trip(&risk);
    round_trip(&SaveCheckpointRequest {
        chat_id: "c".to_owned(),
        input: CheckpointInput {
            summary: "s".to_owned(),
            progress: Some(0.5),
            ..CheckpointInput::default()
        },
    });
    round_trip(&CheckpointSaved {
        checkpoint_id: "c:1".to_owned(),
        seq: 1,
        bytes: 10,
        risk,
    });
    round_trip(&Checkpoint {
        checkpoint_id: "c:1".to_owned(),
        chat_id: "c".to_owned(),
        seq: 1,
        created_at_ms: 5,
        trigger: CheckpointTrigger::PreCompact,
        project_dir: Some("/p".to_owned()),
        conversation: ConversationState::default(),
        task: TaskState::default(),
        files: FileState::default(),
        tools: vec![ToolCallRecord {
            tool: "Edit".to_owned(),
            ok: true,
            arguments: String::new(),
            result: String::new(),
            at_ms: 4,
        }],
        signals: SignalSnapshot::default(),
        reason: None,
    });
    round_trip(&ResumeOffer {
        resume_available: true,
        checkpoint_id: Some("c:1".to_owned()),
        chat_id: Some("c".to_owned()),
        reason: Some(InterruptionReason::Crash),
        confidence: Some(0.8),
        age_seconds: Some(60),
        resume_prompt: Some("# Resume".to_owned()),
    });
}
