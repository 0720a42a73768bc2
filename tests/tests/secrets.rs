//! Secrets never leak, end to end: a secret that reaches a node through a hook, an MCP or NATS request, a
//! telemetry export, its NATS URL or its project's diff is found in none of the node's checkpoints (read back
//! over NATS and the CLI, or in the store's files), resume prompts, events, analytics store, exports or logs.
//!
//! The secrets are made here, at run time, from a prefix and random characters (no realistic secret is written
//! in the repository); every check also finds the marker that replaced it, so that a secret that never got
//! there cannot pass for one redacted.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::Duration,
};

use async_nats::jetstream;
use nix::{sys::signal::Signal, unistd::Pid};
use prost::Message;
use serde_json::{Value, json};
use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{
        CheckpointInput, CheckpointSaved, RiskReport, RiskRequest, SaveCheckpointRequest,
        SignalBatch, SignalEvent, SignalSource,
    },
    subject,
};
use shim_tests::{
    DEADLINE, NatsServer, NodeProcess, POLL, TestNode,
    otlp::{event, kv, logs, text},
    run_hook, sh_quote, wait_for_node, wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

const BASE62: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE64: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Random characters from a seed (xorshift64*), for secrets nobody has.
struct Random(u64);

impl Random {
    fn chars(&mut self, alphabet: &str, len: usize) -> String {
        let alphabet = alphabet.as_bytes();
        (0..len)
            .map(|_| {
                self.0 ^= self.0 >> 12;
                self.0 ^= self.0 << 25;
                self.0 ^= self.0 >> 27;
                let next = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
                alphabet[(next % alphabet.len() as u64) as usize] as char
            })
            .collect()
    }

    /// Letters and digits, with at least one of each (as a generated key has).
    fn key(&mut self, len: usize) -> String {
        loop {
            let key = self.chars(BASE62, len);
            if key.chars().any(|char| char.is_ascii_digit())
                && key.chars().any(|char| char.is_ascii_alphabetic())
            {
                return key;
            }
        }
    }
}

/// One of each secret a test plants.
struct Secrets {
    anthropic: String,
    openai: String,
    github: String,
    bearer: String,
    aws_key_id: String,
    stripe: String,
    password: String,
    db_password: String,
    jwt: String,
    slack_webhook: String,
    private_key: String,
}

impl Secrets {
    fn new(seed: u64) -> Secrets {
        let mut random = Random(seed | 1);
        let body = random.chars(BASE64, 64 * 12);
        let lines: Vec<&str> = (0..12)
            .map(|line| &body[line * 64..(line + 1) * 64])
            .collect();
        Secrets {
            anthropic: format!("sk-ant-api03-{}AA", random.chars(BASE62, 93)),
            openai: format!("sk-proj-{}", random.key(120)),
            github: format!("ghp_{}", random.key(36)),
            bearer: random.key(48),
            aws_key_id: format!(
                "AKIA{}",
                random.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
            ),
            stripe: format!("sk_live_51{}", random.key(97)),
            password: random.key(18),
            db_password: random.key(18),
            jwt: format!(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{}.{}",
                random.key(40),
                random.key(43)
            ),
            slack_webhook: format!(
                "https://hooks.slack.com/services/T{}/B{}/{}",
                random.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 8),
                random.chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10),
                random.key(24)
            ),
            private_key: format!(
                "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----",
                lines.join("\n")
            ),
        }
    }

    /// Each secret with its name, and for the private key a line of its body (what would be found of it).
    fn all(&self) -> Vec<(&'static str, &str)> {
        vec![
            ("anthropic", &self.anthropic),
            ("openai", &self.openai),
            ("github", &self.github),
            ("bearer", &self.bearer),
            ("aws key id", &self.aws_key_id),
            ("stripe", &self.stripe),
            ("password", &self.password),
            ("db password", &self.db_password),
            ("jwt", &self.jwt),
            ("slack webhook", &self.slack_webhook),
            (
                "private key",
                self.private_key.lines().nth(3).expect("a body line"),
            ),
        ]
    }

    /// Fails naming every secret found in `text` (`what` says where it was looked for).
    fn assert_none_in(&self, what: &str, text: &str) {
        let found: Vec<&str> = self
            .all()
            .into_iter()
            .filter(|(_, secret)| text.contains(secret))
            .map(|(name, _)| name)
            .collect();
        assert!(found.is_empty(), "{what} holds {found:?}:\n{text}");
    }
}

fn assert_markers(what: &str, text: &str, kinds: &[&str]) {
    for kind in kinds {
        let marker = format!("[redacted: {kind}]");
        assert!(text.contains(&marker), "{what} lacks {marker}:\n{text}");
    }
}

fn git_project(env_file: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git");
        assert!(status.status.success(), "git {args:?}");
    };
    git(&["init", "-q", "-b", "main"]);
    std::fs::write(dir.path().join(".env"), env_file).expect("write");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "init"]);
    dir
}

fn hook_event(session_id: &str, name: &str, project: &Path, extra: Value) -> Value {
    let mut value = json!({
        "session_id": session_id,
        "transcript_path": project.join(format!("{session_id}.jsonl")).display().to_string(),
        "cwd": project.display().to_string(),
        "hook_event_name": name,
    });
    if let (Some(target), Some(more)) = (value.as_object_mut(), extra.as_object()) {
        target.extend(more.clone());
    }
    value
}

/// Runs `shim-node hook` as Claude Code does, against node `node_id` on `url`, beside it: with its data dir
/// (the hooks of a real session share the node's default one).
fn hook(url: &str, (node_id, data_dir): (&str, &Path), input: &Value) -> String {
    let command = format!(
        "{} hook --nats-url {} --node-id {} --data-dir {}",
        sh_quote(EXE),
        sh_quote(url),
        sh_quote(node_id),
        sh_quote(&data_dir.display().to_string())
    );
    let run = run_hook(&command, &[], input);
    assert_eq!(run.code, 0, "hook {input}");
    run.stdout
}

/// Runs a `shim-node` command against node `node_id` on `url`; returns its stdout.
fn shim(url: &str, node_id: &str, args: &[&str]) -> String {
    let output = Command::new(EXE)
        .args(args)
        .args(["--nats-url", url, "--node-id", node_id])
        .env_remove("SHIM_LOG")
        .stdin(Stdio::null())
        .output()
        .expect("shim-node runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

async fn risk(client: &NodeClient, chat_id: &str) -> Option<RiskReport> {
    client
        .request(
            NodeOp::Risk,
            &RiskRequest {
                chat_id: chat_id.to_owned(),
            },
        )
        .await
        .ok()
}

/// Every file under `root`, read whole.
fn files_under(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("readable dir").flatten() {
                pending.push(entry.path());
            }
        } else if let Ok(bytes) = std::fs::read(&path) {
            found.push((path, bytes));
        }
    }
    found
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[tokio::test]
async fn a_checkpoint_holds_no_secret_over_nats_in_the_cli_the_resume_prompt_or_the_store() {
    const NODE: &str = "secrets-checkpoints";
    const CHAT: &str = "sess-secrets";
    let secrets = Secrets::new(0x5ec2_e75a);
    let nats = NatsServer::start();
    let url = nats.url();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = git_project("DB_HOST=localhost\n");
    let project_path = std::fs::canonicalize(project.path()).expect("path");
    let node = NodeProcess::start(EXE, &url, NODE, data_dir.path());
    // Acting for the session's chat, as its MCP server does.
    let client = shim_tests::own(
        &wait_for_node(&url, NODE, Duration::from_secs(5)).await,
        data_dir.path(),
        CHAT,
    );

    // A session works with secrets in hand: a prompt holding a key, a command sending a token and printing
    // another, a failure quoting a database URL; and it puts a live key in the project's .env.
    let session = |name: &str, extra: Value| hook_event(CHAT, name, &project_path, extra);
    hook(
        &url,
        (NODE, data_dir.path()),
        &session("SessionStart", json!({"source": "startup"})),
    );
    for (name, extra) in [
        (
            "UserPromptSubmit",
            json!({"prompt": format!("deploy it; the key is ANTHROPIC_API_KEY={}", secrets.anthropic)}),
        ),
        (
            "PostToolUse",
            json!({
                "tool_name": "Bash",
                "tool_input": {"command": format!("curl -H 'Authorization: Bearer {}' https://api.example.com/me", secrets.bearer)},
                "tool_response": {"stdout": format!("token ok: {}", secrets.github)}
            }),
        ),
        (
            "PostToolUseFailure",
            json!({
                "tool_name": "Bash",
                "tool_input": {"command": "psql"},
                "error": format!("psql: could not connect to postgres://app:{}@db.internal/app", secrets.db_password)
            }),
        ),
    ] {
        hook(&url, (NODE, data_dir.path()), &session(name, extra));
    }
    std::fs::write(
        project_path.join(".env"),
        format!("DB_HOST=localhost\nSTRIPE_SECRET_KEY={}\n", secrets.stripe),
    )
    .expect("edit .env");
    let seen = wait_until(
        || async {
            risk(&client, CHAT)
                .await
                .is_some_and(|risk| (risk.signals.message_count, risk.signals.tool_calls) == (1, 2))
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(seen, "the hooks reached the chat");

    // The assistant saves a checkpoint that quotes more of them.
    let saved: CheckpointSaved = client
        .request(
            NodeOp::CheckpointSave,
            &SaveCheckpointRequest {
                chat_id: CHAT.to_owned(),
                input: CheckpointInput {
                    summary: format!(
                        "Rotated the deploy credentials (old AWS key {}); the database is next",
                        secrets.aws_key_id
                    ),
                    current_task: Some("rotate credentials".to_owned()),
                    decisions: vec![format!("keep password={} until Friday", secrets.password)],
                    next_steps: vec![format!("post the result to {}", secrets.slack_webhook)],
                    recent_messages: vec![format!("the deploy key is\n{}", secrets.private_key)],
                    current_context: Some(format!("session token {}", secrets.jwt)),
                    ..CheckpointInput::default()
                },
            },
        )
        .await
        .expect("checkpoint saved");
    let checkpoint_id = saved.checkpoint_id;

    // Read back over NATS, and through every command that shows it.
    let stored: Value = client
        .request::<_, shim_protocol::messages::Checkpoint>(
            NodeOp::CheckpointGet,
            &shim_protocol::messages::GetCheckpointRequest {
                checkpoint_id: checkpoint_id.clone(),
            },
        )
        .await
        .map(|checkpoint| serde_json::to_value(checkpoint).expect("json"))
        .expect("checkpoint read");
    let stored = stored.to_string();
    secrets.assert_none_in("the checkpoint read over NATS", &stored);
    assert_markers(
        "the checkpoint read over NATS",
        &stored,
        &[
            "aws access key id",
            "password",
            "slack webhook url",
            "private key",
            "json web token",
            "stripe secret key",
            "bearer token",
            "github token",
            "url password",
        ],
    );
    let show = shim(&url, NODE, &["checkpoints", "show", &checkpoint_id]);
    secrets.assert_none_in("checkpoints show", &show);
    assert_markers(
        "checkpoints show",
        &show,
        &["aws access key id", "slack webhook url"],
    );
    let list = shim(&url, NODE, &["checkpoints", "list", "--json"]);
    secrets.assert_none_in("checkpoints list", &list);
    assert_markers("checkpoints list", &list, &["aws access key id"]);
    let exports = tempfile::tempdir().expect("temp dir");
    let export = exports.path().join("export.json");
    shim(
        &url,
        NODE,
        &[
            "checkpoints",
            "export",
            &checkpoint_id,
            "--output",
            export.to_str().expect("utf-8"),
        ],
    );
    let exported = std::fs::read_to_string(&export).expect("export written");
    secrets.assert_none_in("checkpoints export", &exported);
    assert_markers(
        "checkpoints export",
        &exported,
        &["private key", "stripe secret key"],
    );

    // The resume prompt quotes the checkpoint, the user's prompt, the diff now and the chat's tool calls.
    let prompt = shim(
        &url,
        NODE,
        &["resume", "--project", project_path.to_str().expect("utf-8")],
    );
    secrets.assert_none_in("the resume prompt", &prompt);
    assert_markers(
        "the resume prompt",
        &prompt,
        &[
            "anthropic api key",
            "aws access key id",
            "stripe secret key",
        ],
    );

    // The node stops in order; nothing it wrote (its store, its log) holds a secret.
    nix::sys::signal::kill(Pid::from_raw(node.pid() as i32), Signal::SIGTERM).expect("SIGTERM");
    let node = std::cell::RefCell::new(node);
    assert!(
        wait_until(|| async { node.borrow_mut().has_exited() }, DEADLINE, POLL).await,
        "the node stopped"
    );
    let files = files_under(data_dir.path());
    for (path, bytes) in &files {
        for (name, secret) in secrets.all() {
            assert!(
                !contains(bytes, secret.as_bytes()),
                "{} holds the {name}",
                path.display()
            );
        }
    }
    // The store was read: the chat's record keeps the prompt (uncompressed), as redacted.
    assert!(
        files.iter().any(
            |(path, bytes)| path.starts_with(data_dir.path().join("store"))
                && contains(bytes, b"[redacted: anthropic api key]")
        ),
        "the redacted prompt is in the store's files"
    );
}

// The node runs in this process, and the hooks and commands block a thread each while they talk to it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_the_analytics_store_and_the_exports_hold_no_secret() {
    const CHAT: &str = "sess-secret-events";
    let secrets = Secrets::new(0xe7e1_75a5);
    let nats = NatsServer::start();
    let url = nats.url();
    let node = TestNode::start(&url).await;
    let node_id = node.node_id().to_owned();
    let project = tempfile::tempdir().expect("temp dir");
    let project_path = std::fs::canonicalize(project.path()).expect("path");

    // Through hooks: a failing tool that prints a token and a password, a turn that fails quoting a key.
    let session = |name: &str, extra: Value| hook_event(CHAT, name, &project_path, extra);
    hook(
        &url,
        (&node_id, &node.config_ref().data_dir),
        &session("SessionStart", json!({"source": "startup"})),
    );
    hook(
        &url,
        (&node_id, &node.config_ref().data_dir),
        &session(
            "PostToolUseFailure",
            json!({
                "tool_name": "Bash",
                "tool_input": {"command": "./deploy.sh"},
                "error": format!("GITHUB_TOKEN={} rejected; retry with password: {}", secrets.github, secrets.password)
            }),
        ),
    );
    hook(
        &url,
        (&node_id, &node.config_ref().data_dir),
        &session(
            "StopFailure",
            json!({"error": format!("authentication_error: invalid x-api-key {}", secrets.anthropic)}),
        ),
    );
    // Over NATS, as the chat's MCP server sends them: a tool call that failed printing a key.
    let client = node.client_for(CHAT).await;
    let _: RiskReport = client
        .request(
            NodeOp::Signals,
            &SignalBatch {
                chat_id: CHAT.to_owned(),
                source: SignalSource::Mcp,
                at_ms: shim_actors::now_ms(),
                events: vec![SignalEvent::ToolCall {
                    tool: "stripe_charge".to_owned(),
                    ok: false,
                    duration_ms: Some(40),
                    arguments: Some("{\"amount\": 100}".to_owned()),
                    result: Some(format!("No such customer (key {})", secrets.stripe)),
                }],
                transcript_path: None,
                prompt: None,
                trigger: None,
            },
        )
        .await
        .expect("signals taken");
    // Through telemetry: an API error that quotes a key.
    let export = logs(vec![event(
        "api_error",
        CHAT,
        vec![
            kv("model", text("claude-sonnet-4-5")),
            kv(
                "error",
                text(&format!(
                    "401 Incorrect API key provided: {}",
                    secrets.openai
                )),
            ),
            kv("status_code", text("401")),
        ],
    )]);
    let response = node
        .otlp()
        .post(
            "/v1/logs",
            &[("content-type", "application/x-protobuf")],
            &export.encode_to_vec(),
        )
        .await;
    assert_eq!(
        response.status,
        200,
        "{}",
        String::from_utf8_lossy(&response.body)
    );

    // The analytics store: every stored event, read from another connection.
    let reader = async_nats::connect(&url).await.expect("connects");
    let js = jetstream::new(reader);
    let stored = || async {
        let Ok(mut stream) = js.get_stream(subject::EVENTS_STREAM).await else {
            return String::new();
        };
        let Ok(info) = stream.info().await else {
            return String::new();
        };
        let mut text = String::new();
        for sequence in info.state.first_sequence..=info.state.last_sequence {
            if let Ok(message) = stream.get_raw_message(sequence).await {
                text.push_str(&String::from_utf8_lossy(&message.payload));
                text.push('\n');
            }
        }
        text
    };
    let kinds = [
        "signals.tool_failed",
        "signals.turn_failed",
        "telemetry.api_error",
    ];
    let all_stored = wait_until(
        || async {
            let text = stored().await;
            kinds
                .iter()
                .all(|kind| text.contains(&format!("\"type\":\"{kind}\"")))
        },
        DEADLINE,
        POLL,
    )
    .await;
    let events = stored().await;
    assert!(all_stored, "the events are stored:\n{events}");
    secrets.assert_none_in("the analytics store", &events);
    assert_markers(
        "the analytics store",
        &events,
        &[
            "github token",
            "password",
            "anthropic api key",
            "stripe secret key",
            "openai api key",
        ],
    );

    // The exports: the session's evidence (from the ledger), the summary and the report.
    let evidence_redacted = wait_until(
        || async {
            shim(&url, &node_id, &["sessions", "--since", "1h", "--json"])
                .contains("[redacted: anthropic api key]")
        },
        DEADLINE,
        Duration::from_millis(200),
    )
    .await;
    let sessions = shim(&url, &node_id, &["sessions", "--since", "1h", "--json"]);
    assert!(
        evidence_redacted,
        "the evidence names the failure:\n{sessions}"
    );
    secrets.assert_none_in("shim-node sessions", &sessions);
    let summary = shim(&url, &node_id, &["analytics", "--since", "1h", "--json"]);
    secrets.assert_none_in("shim-node analytics", &summary);
    let out = tempfile::tempdir().expect("temp dir");
    let written = shim(
        &url,
        &node_id,
        &[
            "report",
            "--since",
            "1h",
            "--out",
            out.path().to_str().expect("utf-8"),
        ],
    );
    assert_eq!(written.lines().count(), 2, "{written}");
    for path in written.lines() {
        let report = std::fs::read_to_string(path).expect("report written");
        secrets.assert_none_in(path, &report);
    }
}

#[tokio::test]
async fn the_nodes_log_and_its_start_event_hold_no_nats_password() {
    const NODE: &str = "secrets-log";
    let secrets = Secrets::new(0x1065);
    let nats = NatsServer::start();
    // A server without authorization takes any user and password: the node connects with both.
    let with_password =
        nats.url()
            .replacen("nats://", &format!("nats://shim:{}@", secrets.password), 1);
    let data_dir = tempfile::tempdir().expect("temp dir");
    let _node = NodeProcess::start(EXE, &with_password, NODE, data_dir.path());
    let client = wait_for_node(&nats.url(), NODE, Duration::from_secs(5)).await;

    let log_path = data_dir.path().join("node-process.log");
    let up = wait_until(
        || async {
            std::fs::read_to_string(&log_path).is_ok_and(|log| log.contains("shim-node is up"))
        },
        DEADLINE,
        POLL,
    )
    .await;
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    assert!(up, "the node logged its start:\n{log}");
    secrets.assert_none_in("the node's log", &log);
    let line = log
        .lines()
        .find(|line| line.contains("shim-node is up"))
        .expect("the start line");
    assert!(
        line.contains("nats_url=nats://shim:[redacted: url password]@127.0.0.1:"),
        "{line}"
    );

    // The same URL in the node's start event, as stored.
    let js = jetstream::new(client.nats().clone());
    let started = wait_until(
        || async {
            match js.get_stream(subject::EVENTS_STREAM).await {
                Ok(stream) => stream
                    .get_last_raw_message_by_subject("shim.events.node.started")
                    .await
                    .is_ok_and(|message| {
                        serde_json::from_slice::<Value>(&message.payload)
                            .is_ok_and(|event| event["node_id"] == NODE)
                    }),
                Err(_) => false,
            }
        },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(started, "node.started is stored");
    let stream = js
        .get_stream(subject::EVENTS_STREAM)
        .await
        .expect("events stream");
    let message = stream
        .get_last_raw_message_by_subject("shim.events.node.started")
        .await
        .expect("node.started");
    let event: Value = serde_json::from_slice(&message.payload).expect("json");
    let nats_url = event["data"]["nats_url"].as_str().unwrap_or_default();
    assert!(
        nats_url.starts_with("nats://shim:[redacted: url password]@127.0.0.1:"),
        "{event}"
    );
    secrets.assert_none_in("node.started", &event.to_string());
}
