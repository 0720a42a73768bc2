//! Workflow C, recovery by itself, end to end with every part a real process: nats-server, `shim-node run`, a
//! worker chat's `shim-node mcp` started the way Claude Code starts it (its project in `CLAUDE_PROJECT_DIR`), and
//! the next session's SessionStart hook run through `sh -c`. The worker's MCP server is killed with SIGKILL mid
//! task; within a bounded wait, and well before the registry's away time (30 s) could notice, its checkpoint is
//! sealed, its task is back on the queue for another worker, its supervisor has a message saying so, the next
//! session in the project is offered the resume, and all of it happened once. And the fallback: a chat whose
//! process runs elsewhere is recovered once the registry finds it silent, by its own node even when another
//! node's sweep finds it first; and a chat whose node was killed is reported by the node that finds it silent,
//! then sealed when its node runs again.

use std::{path::Path, process::Command, time::Duration};

use serde_json::{Value, json};
use shim_node::{
    coordination::registry::{Interrupted, Registry},
    nats::NodeClient,
};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ChatList, ChatProcess, ChatSilentNotice, ChatSilentReply, CheckpointInput, CheckpointSaved,
        ClaimTaskReply, ClaimTaskRequest, DispatchTaskReply, DispatchTaskRequest, Interruption,
        ListChatsRequest, MessageList, ReadMessagesRequest, SaveCheckpointRequest,
        SessionStartReply, SessionStartRequest, TaskList, TaskStatus, TaskStatusRequest,
    },
};
use shim_tests::{
    EventFeed, McpClient, NatsServer, NodeProcess, acting, own, remember, run_hook, sh_quote,
    wait_for_node,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");
const NODE: &str = "recovery-test";

fn git_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let git = |args: &[&str]| {
        let output = Command::new("git")
            .arg("-C")
            .arg(dir.path())
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .output()
            .expect("git");
        assert!(output.status.success());
    };
    git(&["init", "-q", "-b", "main"]);
    std::fs::write(dir.path().join("lexer.c"), "int lex(void);\n").expect("write");
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "init"]);
    dir
}

/// Opens a chat over NATS, as an MCP server does, and keeps its secret for [`acting`].
async fn open_chat(client: &NodeClient, name: &str) -> String {
    let reply: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                name: Some(name.to_owned()),
                client: Some("mcp".to_owned()),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("session starts");
    remember(&reply);
    reply.chat_id
}

async fn claim(client: &NodeClient, chat_id: &str, wait_seconds: u64) -> ClaimTaskReply {
    acting(client, chat_id)
        .with_timeout(Duration::from_secs(wait_seconds + 10))
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: chat_id.to_owned(),
                wait_seconds: Some(wait_seconds),
                capabilities: None,
            },
        )
        .await
        .expect("claims")
}

fn structured(result: &Value) -> &Value {
    assert_ne!(result["isError"], json!(true), "tool failed: {result}");
    &result["structuredContent"]
}

#[tokio::test]
async fn a_killed_worker_is_recovered_by_itself_exactly_once() {
    let nats = NatsServer::start();
    let url = nats.url();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = git_project();
    let project_path = std::fs::canonicalize(project.path()).expect("path");
    let project_dir = project_path.display().to_string();
    // A grace of 4 s (the default is 2 s): a session end has that long to arrive after the process exits.
    let _node = NodeProcess::start_with_env(
        EXE,
        &url,
        NODE,
        data_dir.path(),
        &[("SHIM_RECOVERY_GRACE_MS", "4000")],
    );
    let client = wait_for_node(&url, NODE, Duration::from_secs(5)).await;
    let events = async_nats::connect(&url).await.expect("connects");
    let mut feed = EventFeed::subscribe(&events, "shim.events.>").await;

    // The supervisor dispatches a task.
    let supervisor = open_chat(&client, "supervisor").await;
    let dispatched: DispatchTaskReply = acting(&client, &supervisor)
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: supervisor.clone(),
                title: "port the lexer".to_owned(),
                instructions: "Port lexer.c to src/lexer.rs with tests".to_owned(),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatches");
    let task_id = dispatched.task_id;

    // A worker chat runs in its own `shim-node mcp`, as Claude Code starts it: it claims the task and saves a
    // checkpoint.
    let mcp_log = data_dir.path().join("worker-mcp.log");
    let mut worker_mcp = McpClient::spawn(
        Path::new(EXE),
        &["--nats-url", &url, "--node-id", NODE, "--no-autostart"],
        &[("CLAUDE_PROJECT_DIR", project_dir.as_str())],
        &mcp_log,
    );
    worker_mcp.initialize().await;
    let started = worker_mcp
        .call_tool("shim_session_start", json!({"name": "worker 1"}))
        .await;
    let worker = structured(&started)["chat_id"]
        .as_str()
        .expect("chat id")
        .to_owned();
    let claimed = worker_mcp
        .call_tool(
            "shim_claim_task",
            json!({"chat_id": worker, "wait_seconds": 5}),
        )
        .await;
    assert_eq!(
        structured(&claimed)["task"]["task_id"],
        json!(task_id),
        "{claimed}"
    );
    let saved = worker_mcp
        .call_tool(
            "shim_checkpoint",
            json!({
                "chat_id": worker,
                "summary": "Porting lexer.c: tokens done, comments next",
                "current_task": "port the lexer",
                "next_steps": ["port block comments"],
            }),
        )
        .await;
    let checkpoint_id = structured(&saved)["checkpoint_id"]
        .as_str()
        .expect("checkpoint id")
        .to_owned();

    // kill -9 of the worker's process.
    assert!(worker_mcp.pid().is_some(), "the worker's MCP server runs");
    let killed_at = std::time::Instant::now();
    worker_mcp.kill_9().await;

    // The recovery, published once, names all of it.
    // Every event from here on is kept, to count them at the end.
    let mut seen: Vec<(String, Value)> = Vec::new();
    let recovered = loop {
        let (subject, event) = feed.next().await;
        seen.push((subject.clone(), event.clone()));
        if subject == "shim.events.recovery.completed" {
            break event;
        }
    };
    let detected_in = killed_at.elapsed();
    assert!(
        detected_in < Duration::from_secs(15),
        "recovered {detected_in:?} after the kill: the process check, not the away time, found it"
    );
    assert!(
        detected_in >= Duration::from_secs(4),
        "recovered {detected_in:?} after the kill, within the configured grace of 4 s"
    );
    let data = &recovered["data"];
    assert_eq!(recovered["chat_id"], json!(worker), "{recovered}");
    assert_eq!(data["detected"], "process_exited", "{recovered}");
    assert_eq!(data["checkpoint_id"], json!(checkpoint_id), "{recovered}");
    assert_eq!(data["project_dir"], json!(project_dir), "{recovered}");
    assert_eq!(data["tasks"][0]["task_id"], json!(task_id), "{recovered}");
    assert_eq!(data["tasks"][0]["title"], "port the lexer", "{recovered}");
    assert_eq!(data["notified"], json!([supervisor]), "{recovered}");

    // The task is back on the queue, and another worker claims it (attempt 2).
    let tasks: TaskList = client
        .request(
            NodeOp::TaskStatus,
            &TaskStatusRequest {
                task_ids: vec![task_id.clone()],
                ..TaskStatusRequest::default()
            },
        )
        .await
        .expect("task status");
    assert_eq!(tasks.tasks[0].status, TaskStatus::Queued, "{tasks:?}");
    let second = open_chat(&client, "worker 2").await;
    let reclaimed = claim(&client, &second, 5).await.task.expect("a task");
    assert_eq!(
        (reclaimed.task_id.as_str(), reclaimed.attempt),
        (task_id.as_str(), 2)
    );

    // The supervisor was told, once, what happened and what was handed back.
    let messages: MessageList = acting(&client, &supervisor)
        .with_timeout(Duration::from_secs(15))
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: supervisor.clone(),
                wait_seconds: Some(5),
                max: None,
            },
        )
        .await
        .expect("reads");
    assert_eq!(messages.messages.len(), 1, "{messages:?}");
    let message = &messages.messages[0];
    assert_eq!(message.from, worker);
    for needle in [
        "interrupted",
        "process exited",
        task_id.as_str(),
        "port the lexer",
        checkpoint_id.as_str(),
        project_dir.as_str(),
    ] {
        assert!(
            message.text.contains(needle),
            "{needle:?} in {}",
            message.text
        );
    }

    // The checkpoint is sealed: the chat takes no more.
    let refused = own(&client, data_dir.path(), &worker)
        .request::<_, Value>(
            NodeOp::CheckpointSave,
            &SaveCheckpointRequest {
                chat_id: worker.clone(),
                input: CheckpointInput {
                    summary: "after the crash".to_owned(),
                    ..CheckpointInput::default()
                },
            },
        )
        .await;
    assert!(
        matches!(&refused, Err(shim_node::nats::ClientError::Remote(WireError::BadRequest { message }))
            if message.contains("sealed")),
        "{refused:?}"
    );

    // The registry says it was interrupted, and how; another node cannot recover it again.
    let chats: ChatList = client
        .request(NodeOp::ChatList, &ListChatsRequest { include_gone: true })
        .await
        .expect("lists");
    let entry = chats
        .chats
        .iter()
        .find(|chat| chat.chat_id == worker)
        .expect("the worker is listed");
    let interruption = entry.interrupted.as_ref().expect("marked interrupted");
    assert_eq!(
        (
            interruption.detected.as_str(),
            interruption.node_id.as_str()
        ),
        ("process_exited", NODE)
    );
    assert!(entry.current_task.is_none(), "{entry:?}");
    let js = async_nats::jetstream::new(events.clone());
    let store = js
        .get_key_value("shim_chats")
        .await
        .expect("registry bucket");
    let another_node = Registry::new(store, "another-node");
    let again = another_node
        .interrupt(
            &worker,
            Interruption {
                at_ms: shim_actors::now_ms(),
                detected: "heartbeat_timeout".to_owned(),
                node_id: "another-node".to_owned(),
            },
        )
        .await
        .expect("asks the registry");
    assert_eq!(again, Interrupted::Already);

    // The next session in the project, its SessionStart hook run as Claude Code runs it, gets the resume.
    let command = format!(
        "{} hook --nats-url {} --node-id {} --data-dir {}",
        sh_quote(EXE),
        sh_quote(&url),
        sh_quote(NODE),
        sh_quote(&data_dir.path().display().to_string())
    );
    let hook = run_hook(
        &command,
        &[],
        &json!({
            "session_id": "next-session",
            "transcript_path": project_path.join("next-session.jsonl").display().to_string(),
            "cwd": project_dir,
            "hook_event_name": "SessionStart",
            "permission_mode": "default",
            "source": "startup",
        }),
    );
    assert_eq!(hook.code, 0);
    assert!(
        hook.stdout.contains("Resuming an interrupted session")
            && hook.stdout.contains("tokens done, comments next")
            && hook.stdout.contains("port block comments"),
        "{}",
        hook.stdout
    );
    // It says why the session stopped as recovery recorded it, not the guess its activity would give (an MCP
    // chat no hook reported on: "likely unknown, confidence 30%").
    assert!(
        hook.stdout.contains(
            "ended without a clean exit: the session's process exited, killed or crashed (found by recovery at "
        ),
        "{}",
        hook.stdout
    );
    for guess in ["unknown", "likely", "confidence"] {
        assert!(!hook.stdout.contains(guess), "{guess:?} in {}", hook.stdout);
    }

    // Exactly once: of everything published up to the resume taken, one recovery and one prepared resume.
    loop {
        let (subject, event) = feed.next().await;
        let done = subject == "shim.events.resume.restored";
        seen.push((subject, event));
        if done {
            break;
        }
    }
    let count = |wanted: &str| {
        seen.iter()
            .filter(|(subject, event)| subject == wanted && event["chat_id"] == json!(worker))
            .count()
    };
    assert_eq!(count("shim.events.recovery.completed"), 1, "{seen:?}");
    assert_eq!(count("shim.events.resume.prepared"), 1, "{seen:?}");
    assert_eq!(count("shim.events.resume.restored"), 1, "{seen:?}");
    let (_, restored) = seen
        .iter()
        .find(|(subject, _)| subject == "shim.events.resume.restored")
        .expect("restored");
    assert_eq!(
        (
            &restored["data"]["reason"],
            &restored["data"]["confidence"],
            &restored["data"]["detected"]
        ),
        (&json!("crash"), &json!(1.0), &json!("process_exited")),
        "{restored}"
    );
}

/// The fallback: a chat whose process this node cannot see (another machine's: its boot id is not this one's) is
/// never checked by pid; once the registry finds it silent for the away time, its node recovers it all the same,
/// telling the supervisor of the tasks the sweep handed back. A chat with no process recorded (a session known
/// from its hooks, or here the supervisor) is only away when silent, never recovered.
#[tokio::test]
async fn a_chat_whose_process_is_elsewhere_is_recovered_when_it_falls_silent() {
    let nats = NatsServer::start();
    let url = nats.url();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let project = git_project();
    let project_dir = canonical(project.path());
    let _node = start_node(&url, NODE, data_dir.path(), "2");
    let client = wait_for_node(&url, NODE, Duration::from_secs(5)).await;
    let events = async_nats::connect(&url).await.expect("connects");
    let mut feed = EventFeed::subscribe(&events, "shim.events.>").await;

    let supervisor = open_chat(&client, "supervisor").await;
    let dispatched = dispatch(&client, &supervisor, "port the parser").await;
    // A worker whose MCP server runs on another machine: its pid (this test's own, alive here) must not count.
    let worker = start_worker(&client, "remote worker", &project_dir, elsewhere()).await;
    let claimed = claim(&client, &worker, 5).await.task.expect("a task");
    assert_eq!(claimed.task_id, dispatched.task_id);
    let saved = shim_tests::save_checkpoint(
        &client,
        data_dir.path(),
        &worker,
        "parser: expressions done",
    )
    .await;

    // Silent past the away time (2 s here): recovered by its node, from the heartbeat timeout.
    let mut seen: Vec<(String, Value)> = Vec::new();
    let recovered = next_on(&mut feed, &mut seen, "shim.events.recovery.completed").await;
    assert_recovered(&recovered, &worker, &saved, &dispatched, &supervisor);
    assert_eq!(
        recovered["data"]["detected"], "heartbeat_timeout",
        "{recovered}"
    );

    let messages = read_messages(&client, &supervisor).await;
    assert_eq!(messages.messages.len(), 1, "{messages:?}");
    let text = &messages.messages[0].text;
    assert!(
        text.contains("no heartbeat for 2 s")
            && text.contains(&dispatched.task_id)
            && text.contains("port the parser")
            && text.contains(&saved.checkpoint_id),
        "{text}"
    );
    let second = open_chat(&client, "worker 2").await;
    let reclaimed = claim(&client, &second, 5).await.task.expect("a task");
    assert_eq!(reclaimed.attempt, 2);

    // The supervisor fell silent too (its away event came with the worker's), and was not recovered.
    assert_recovered_once(&mut feed, &mut seen, &supervisor).await;
}

/// A chat's MCP server on a machine its node cannot see into (this test's pid, alive here, must not count).
fn elsewhere() -> ChatProcess {
    ChatProcess {
        pid: std::process::id(),
        started: None,
        boot_id: Some("another-machine".to_owned()),
    }
}

/// `recovered` (a `recovery.completed`) is the worker's, with its checkpoint sealed, the task handed back and
/// the supervisor told.
fn assert_recovered(
    recovered: &Value,
    worker: &str,
    saved: &CheckpointSaved,
    dispatched: &DispatchTaskReply,
    supervisor: &str,
) {
    assert_eq!(recovered["chat_id"], json!(worker), "{recovered}");
    let data = &recovered["data"];
    assert_eq!(data["sealed"], true, "{recovered}");
    assert_eq!(
        data["checkpoint_id"],
        json!(saved.checkpoint_id),
        "{recovered}"
    );
    assert_eq!(
        data["tasks"][0]["task_id"],
        json!(dispatched.task_id),
        "{recovered}"
    );
    assert_eq!(data["notified"], json!([supervisor]), "{recovered}");
}

/// Waits until the supervisor fell silent too (away with the worker), then checks that one recovery came.
async fn assert_recovered_once(
    feed: &mut EventFeed,
    seen: &mut Vec<(String, Value)>,
    supervisor: &str,
) {
    while !seen.iter().any(|(subject, event)| {
        subject == "shim.events.chats.away" && event["chat_id"] == json!(supervisor)
    }) {
        seen.push(feed.next().await);
    }
    let recoveries = seen
        .iter()
        .filter(|(subject, _)| subject == "shim.events.recovery.completed")
        .count();
    assert_eq!(recoveries, 1, "{seen:?}");
}

/// The canonical path of `dir`, as a node records a project.
fn canonical(dir: &Path) -> String {
    std::fs::canonicalize(dir)
        .expect("path")
        .display()
        .to_string()
}

/// Starts node `node_id` whose registry finds chats away after `away_s` seconds.
fn start_node(url: &str, node_id: &str, data_dir: &Path, away_s: &str) -> NodeProcess {
    NodeProcess::start_with_env(
        EXE,
        url,
        node_id,
        data_dir,
        &[("SHIM_CHAT_AWAY_AFTER_S", away_s)],
    )
}

/// The next event on `subject`, every event until it kept in `seen`.
async fn next_on(feed: &mut EventFeed, seen: &mut Vec<(String, Value)>, subject: &str) -> Value {
    loop {
        let (on, event) = feed.next().await;
        seen.push((on.clone(), event.clone()));
        if on == subject {
            return event;
        }
    }
}

/// Starts a session of `name` on `client`'s node, its process `process` (an MCP server elsewhere, or a local one).
async fn start_worker(
    client: &NodeClient,
    name: &str,
    project_dir: &str,
    process: ChatProcess,
) -> String {
    let started: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                name: Some(name.to_owned()),
                project_dir: Some(project_dir.to_owned()),
                client: Some("mcp".to_owned()),
                process: Some(process),
                ..SessionStartRequest::default()
            },
        )
        .await
        .expect("session starts");
    remember(&started);
    started.chat_id
}

async fn dispatch(client: &NodeClient, supervisor: &str, title: &str) -> DispatchTaskReply {
    acting(client, supervisor)
        .request(
            NodeOp::TaskDispatch,
            &DispatchTaskRequest {
                chat_id: supervisor.to_owned(),
                title: title.to_owned(),
                instructions: format!("{title}, please"),
                ..DispatchTaskRequest::default()
            },
        )
        .await
        .expect("dispatches")
}

async fn read_messages(client: &NodeClient, chat_id: &str) -> MessageList {
    acting(client, chat_id)
        .with_timeout(Duration::from_secs(15))
        .request(
            NodeOp::MessageRead,
            &ReadMessagesRequest {
                chat_id: chat_id.to_owned(),
                wait_seconds: Some(5),
                max: None,
            },
        )
        .await
        .expect("reads")
}

async fn notice(client: &NodeClient, notice: &ChatSilentNotice) -> Result<ChatSilentReply, String> {
    client
        .request::<_, ChatSilentReply>(NodeOp::ChatSilent, notice)
        .await
        .map_err(|error| error.to_string())
}

/// On a cluster another node's sweep can find a chat silent first. It hands the tasks back and tells the chat's
/// own node, which holds the checkpoint: that node seals it and tells the supervisor, once. A forged notice
/// (a live chat, another node's chat, too many tasks) does nothing.
#[tokio::test]
async fn a_chat_found_silent_by_another_node_is_recovered_by_its_own() {
    let nats = NatsServer::start();
    let url = nats.url();
    let (dir_a, dir_b) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    let project = git_project();
    let project_dir = canonical(project.path());
    // Node a would wait a minute; node b finds silent chats after 2 s, so b's sweep finds a's worker first.
    let _node_a = start_node(&url, "node-a", dir_a.path(), "60");
    let _node_b = start_node(&url, "node-b", dir_b.path(), "2");
    let client_a = wait_for_node(&url, "node-a", Duration::from_secs(5)).await;
    let client_b = wait_for_node(&url, "node-b", Duration::from_secs(5)).await;
    let events = async_nats::connect(&url).await.expect("connects");
    let mut feed = EventFeed::subscribe(&events, "shim.events.>").await;

    let supervisor = open_chat(&client_b, "supervisor").await;
    let dispatched = dispatch(&client_b, &supervisor, "port the parser").await;
    // The worker's MCP server runs on a machine node a cannot see into: only its silence tells.
    let worker = start_worker(&client_a, "remote worker", &project_dir, elsewhere()).await;
    let claimed = claim(&client_a, &worker, 5).await.task.expect("a task");
    assert_eq!(claimed.task_id, dispatched.task_id);
    let saved =
        shim_tests::save_checkpoint(&client_a, dir_a.path(), &worker, "parser: expressions done")
            .await;

    let mut seen: Vec<(String, Value)> = Vec::new();
    let recovered = next_on(&mut feed, &mut seen, "shim.events.recovery.completed").await;
    assert_recovered(&recovered, &worker, &saved, &dispatched, &supervisor);
    assert_eq!(
        recovered["data"]["detected"], "heartbeat_timeout",
        "{recovered}"
    );
    assert_eq!(
        recovered["node_id"], "node-a",
        "the chat's own node recovers it: {recovered}"
    );
    // Node b handed the task back: its sweep found the worker silent.
    assert!(
        seen.iter()
            .any(|(subject, event)| subject == "shim.events.tasks.requeued"
                && event["node_id"] == "node-b"
                && event["data"]["task_id"] == json!(dispatched.task_id)),
        "{seen:?}"
    );
    let prepared = seen
        .iter()
        .find(|(subject, _)| subject == "shim.events.resume.prepared")
        .map(|(_, event)| event.clone())
        .expect("the resume is prepared");
    assert_eq!(
        prepared["data"]["checkpoint_id"],
        json!(saved.checkpoint_id)
    );

    let messages = read_messages(&client_b, &supervisor).await;
    assert_eq!(messages.messages.len(), 1, "{messages:?}");
    let text = &messages.messages[0].text;
    assert!(
        text.contains("no heartbeat for 2 s")
            && text.contains("was interrupted")
            && text.contains("Found by node node-b")
            && text.contains(&dispatched.task_id)
            && text.contains(&saved.checkpoint_id),
        "{text}"
    );
    let second = open_chat(&client_b, "worker 2").await;
    let reclaimed = claim(&client_b, &second, 5).await.task.expect("a task");
    assert_eq!(reclaimed.attempt, 2);

    // Forgeries: node a takes on no chat that is live, another node's, or recovered already, and names no
    // task its chat never held.
    let live = start_worker(&client_a, "live", &project_dir, elsewhere()).await;
    for chat_id in [&live, &supervisor, &worker] {
        let reply = notice(
            &client_a,
            &ChatSilentNotice {
                chat_id: chat_id.clone(),
                task_ids: vec![dispatched.task_id.clone()],
                silent_for_s: 2,
                ..ChatSilentNotice::default()
            },
        )
        .await
        .expect("answered");
        assert!(!reply.recovering, "{chat_id}");
    }
    let too_many = notice(
        &client_a,
        &ChatSilentNotice {
            chat_id: live.clone(),
            task_ids: (0..=ChatSilentNotice::MAX_TASKS)
                .map(|n| format!("t{n}"))
                .collect(),
            silent_for_s: 2,
            ..ChatSilentNotice::default()
        },
    )
    .await;
    assert!(
        too_many
            .as_ref()
            .is_err_and(|error| error.contains("at most 1000")),
        "{too_many:?}"
    );

    // Once: the supervisor fell silent too (node b's own chat, no process: not recovered), and no second
    // recovery came.
    assert_recovered_once(&mut feed, &mut seen, &supervisor).await;
}

/// A node killed with its chats: the node that finds its worker silent hands the task back and, as the worker's
/// own node does not answer, tells the supervisor itself, without taking the chat for interrupted (it may still
/// work) and without a seal (the checkpoint is on the node that is down). When that node runs again and finds
/// the worker's process gone, it recovers the chat, sealing its last checkpoint, and tells no one twice.
#[tokio::test]
async fn a_killed_nodes_worker_is_reported_by_the_node_that_finds_it_silent_and_recovered_when_its_node_returns()
 {
    let nats = NatsServer::start();
    let url = nats.url();
    let (dir_a, dir_b) = (
        tempfile::tempdir().expect("temp dir"),
        tempfile::tempdir().expect("temp dir"),
    );
    let project = git_project();
    let project_dir = canonical(project.path());
    let mut node_a = start_node(&url, "node-a", dir_a.path(), "60");
    let client_a = wait_for_node(&url, "node-a", Duration::from_secs(5)).await;
    let events = async_nats::connect(&url).await.expect("connects");
    let mut feed = EventFeed::subscribe(&events, "shim.events.>").await;

    let supervisor = open_chat(&client_a, "supervisor").await;
    let dispatched = dispatch(&client_a, &supervisor, "port the lexer").await;
    // The worker's process runs on this machine: a child that stands in for its MCP server.
    let mut stand_in = Command::new("sleep")
        .arg("600")
        .spawn()
        .expect("sleep runs");
    let worker = start_worker(
        &client_a,
        "worker",
        &project_dir,
        shim_actors::process::describe(stand_in.id()),
    )
    .await;
    let claimed = claim(&client_a, &worker, 5).await.task.expect("a task");
    assert_eq!(claimed.task_id, dispatched.task_id);
    let saved =
        shim_tests::save_checkpoint(&client_a, dir_a.path(), &worker, "lexer: tokens done").await;

    // The machine's crash, in order: the node first, then the worker.
    node_a.kill_9();
    shim_tests::wait_for_node_gone(&client_a).await;
    let _ = stand_in.kill();
    let _ = stand_in.wait();

    let _node_b = start_node(&url, "node-b", dir_b.path(), "2");
    let client_b = wait_for_node(&url, "node-b", Duration::from_secs(5)).await;
    let mut seen: Vec<(String, Value)> = Vec::new();
    let reported = next_on(&mut feed, &mut seen, "shim.events.recovery.reported").await;
    assert_eq!(reported["chat_id"], json!(worker), "{reported}");
    assert_eq!(reported["node_id"], "node-b", "{reported}");
    let data = &reported["data"];
    assert_eq!(data["node_unreachable"], "node-a", "{reported}");
    assert_eq!(
        data["tasks"][0]["task_id"],
        json!(dispatched.task_id),
        "{reported}"
    );
    assert_eq!(data["notified"], json!([supervisor]), "{reported}");
    let messages = read_messages(&client_b, &supervisor).await;
    assert_eq!(messages.messages.len(), 1, "{messages:?}");
    let text = &messages.messages[0].text;
    assert!(
        text.contains(
            "fell silent: it sent no heartbeat for 2 s, and its node node-a does not answer"
        ) && text.contains("Found by node node-b")
            && text.contains(&dispatched.task_id)
            && text.contains("kept by node node-a"),
        "{text}"
    );
    // Not taken for an interruption: the chat may still work while its node is down.
    let chats: ChatList = client_b
        .request(NodeOp::ChatList, &ListChatsRequest { include_gone: true })
        .await
        .expect("listed");
    let entry = chats
        .chats
        .iter()
        .find(|chat| chat.chat_id == worker)
        .expect("the worker is listed");
    assert!(entry.interrupted.is_none(), "{entry:?}");
    let second = open_chat(&client_b, "worker 2").await;
    let reclaimed = claim(&client_b, &second, 5).await.task.expect("a task");
    assert_eq!(reclaimed.attempt, 2);

    // Node a runs again and finds the worker's process gone: it recovers the chat, sealing its checkpoint; its
    // task was handed back already, so no one is told twice.
    let _node_a = start_node(&url, "node-a", dir_a.path(), "60");
    let recovered = next_on(&mut feed, &mut seen, "shim.events.recovery.completed").await;
    assert_eq!(recovered["chat_id"], json!(worker), "{recovered}");
    assert_eq!(recovered["node_id"], "node-a", "{recovered}");
    assert_eq!(recovered["data"]["sealed"], true, "{recovered}");
    assert_eq!(
        recovered["data"]["checkpoint_id"],
        json!(saved.checkpoint_id),
        "{recovered}"
    );
    assert!(
        seen.iter()
            .any(|(subject, event)| subject == "shim.events.resume.prepared"
                && event["data"]["checkpoint_id"] == json!(saved.checkpoint_id)),
        "{seen:?}"
    );
    // The supervisor was told once.
    let messages = read_messages(&client_b, &supervisor).await;
    assert!(messages.messages.is_empty(), "told once: {messages:?}");
}
