//! The command line as a person or a script meets it: exit codes as documented in docs/operations.md, no
//! warnings for connections a command closes itself, `route` without a node, and `stop`.

use std::{process::Output, time::Duration};

use serde_json::Value;
use shim_tests::{
    DEADLINE, NatsServer, NodeProcess, POLL, TestNode, free_port, wait_for_embedded_node,
    wait_for_node, wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// Runs `shim-node ARGS` with stdin closed and returns its output.
async fn shim(args: &[&str]) -> Output {
    tokio::process::Command::new(EXE)
        .args(args)
        .stdin(std::process::Stdio::null())
        .env_remove("SHIM_LOG")
        .output()
        .await
        .expect("shim-node runs")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited with a code")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn no_nats_url() -> String {
    format!("nats://127.0.0.1:{}", free_port())
}

#[tokio::test]
async fn exit_codes_are_as_documented_and_commands_are_quiet() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let url = nats.url();
    let ours = ["--nats-url", url.as_str(), "--node-id", node.node_id()];
    let empty_dir = tempfile::tempdir().expect("temp dir");
    let empty_dir = empty_dir.path().display().to_string();
    let no_nats = no_nats_url();

    // 0: done, and nothing on stderr (no warning that the command's own connection closed).
    for _ in 0..3 {
        let status = shim(&[&["status"], &ours[..]].concat()).await;
        assert_eq!(code(&status), 0, "{}", stderr(&status));
        assert_eq!(
            stderr(&status),
            "",
            "a command that worked says nothing on stderr"
        );
    }

    // Every status `tasks list --status` documents is taken.
    for status in [
        "queued",
        "claimed",
        "in_progress",
        "done",
        "failed",
        "dead",
        "cancelled",
    ] {
        let listed = shim(&[&["tasks", "list", "--status", status], &ours[..]].concat()).await;
        assert_eq!(code(&listed), 0, "{status}: {}", stderr(&listed));
    }

    // 1: the command failed (the node refused it).
    let missing = shim(&[&["checkpoints", "show", "nosuchchat:1"], &ours[..]].concat()).await;
    assert_eq!(code(&missing), 1, "{}", stderr(&missing));

    // 2: usage.
    for args in [
        vec!["no-such-command"],
        vec!["route", "--strategy", "fastest", "a prompt"],
        vec!["route", "   "],
        vec!["tasks", "list", "--status", "bogus"],
    ] {
        let usage = shim(&args).await;
        assert_eq!(code(&usage), 2, "{args:?}: {}", stderr(&usage));
    }

    // 3: no node: NATS unreachable, no node answering on it, none running for `stop`.
    for args in [
        vec!["status", "--nats-url", no_nats.as_str()],
        vec!["status", "--nats-url", url.as_str(), "--node-id", "nobody"],
        vec!["tasks", "list", "--nats-url", no_nats.as_str()],
        vec!["stop", "--data-dir", empty_dir.as_str()],
    ] {
        for _ in 0..2 {
            let no_node = shim(&args).await;
            assert_eq!(code(&no_node), 3, "{args:?}: {}", stderr(&no_node));
            let text = stderr(&no_node);
            assert!(text.starts_with("error: "), "{args:?}: {text}");
            assert!(
                !text.contains("WARN") && !text.contains("event=closed"),
                "{args:?}: only the error, no warnings: {text}"
            );
        }
    }
    node.stop().await;
}

#[tokio::test]
async fn route_works_without_a_node_and_says_what_was_not_applied() {
    let no_nats = no_nats_url();
    let text = shim(&[
        "route",
        "fix the typo in the README",
        "--nats-url",
        &no_nats,
    ])
    .await;
    assert_eq!(code(&text), 0, "{}", stderr(&text));
    let stdout = String::from_utf8_lossy(&text.stdout);
    // As docs/routing.md shows it.
    assert_eq!(
        stdout.lines().next(),
        Some("haiku (claude-haiku-4-5) · confidence 1.00 · ~$0.0003 for ~6 in / 66 out tokens"),
        "{stdout}"
    );
    assert!(
        stderr(&text).contains("learned preferences and spend limits were not applied"),
        "{}",
        stderr(&text)
    );

    // The same decision a node makes when it has learned nothing.
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let prompt = "design a distributed consensus protocol for our multi-region database";
    let here = shim(&["route", prompt, "--json", "--nats-url", &no_nats]).await;
    let there = shim(&["route", prompt, "--json", "--nats-url", &nats.url()]).await;
    assert_eq!(code(&here), 0, "{}", stderr(&here));
    assert_eq!(code(&there), 0, "{}", stderr(&there));
    assert_eq!(stderr(&there), "", "a node answered: no note");
    let here: Value = serde_json::from_slice(&here.stdout).expect("JSON");
    let there: Value = serde_json::from_slice(&there.stdout).expect("JSON");
    assert_eq!(here["model"], there["model"]);
    assert_eq!(here["estimated_cost_usd"], there["estimated_cost_usd"]);
    node.stop().await;
}

#[tokio::test]
async fn stop_stops_the_node_running_with_the_data_dir() {
    let nats = NatsServer::start();
    let data_dir = tempfile::tempdir().expect("temp dir");
    let node_id = format!("stop-{}", std::process::id());
    let mut process = NodeProcess::start(EXE, &nats.url(), &node_id, data_dir.path());
    let client = wait_for_node(&nats.url(), &node_id, Duration::from_secs(5)).await;
    let data = data_dir.path().display().to_string();

    let stopped = shim(&["stop", "--data-dir", &data]).await;
    assert_eq!(code(&stopped), 0, "{}", stderr(&stopped));
    let stdout = String::from_utf8_lossy(&stopped.stdout);
    assert!(
        stdout.contains(&format!("stopped shim-node (pid {},", process.pid())),
        "{stdout}"
    );
    assert!(
        wait_until(|| std::future::ready(process.has_exited()), DEADLINE, POLL).await,
        "the node process exited"
    );
    let hello: Result<shim_protocol::messages::HelloReply, _> = client
        .request(
            shim_protocol::NodeOp::Hello,
            &shim_protocol::messages::HelloRequest {
                client: "shim-tests".to_owned(),
            },
        )
        .await;
    assert!(
        matches!(hello, Err(shim_node::nats::ClientError::NoNode { .. })),
        "no node answers any more: {hello:?}"
    );

    let again = shim(&["stop", "--data-dir", &data]).await;
    assert_eq!(code(&again), 3, "{}", stderr(&again));
    assert!(
        stderr(&again).contains("no shim-node is running with data dir"),
        "{}",
        stderr(&again)
    );
}

/// A hook's input that never ends (a stuck pipe) cannot hold it: it exits 0 within its deadline while its
/// stdin is still open, as Claude Code needs.
#[tokio::test]
async fn a_hook_whose_input_never_ends_exits_within_its_deadline() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut child = tokio::process::Command::new(EXE)
        .args(["hook", "--nats-url", &no_nats_url(), "--data-dir"])
        .arg(data_dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("shim-node hook runs");
    // Hold stdin open, with half an event written, for the whole wait.
    let mut stdin = child.stdin.take().expect("piped stdin");
    tokio::io::AsyncWriteExt::write_all(&mut stdin, br#"{"hook_event_name": "Sto"#)
        .await
        .expect("writes");
    let status = tokio::time::timeout(DEADLINE, child.wait())
        .await
        .expect("the hook exits while its input is still open")
        .expect("waits");
    assert_eq!(status.code(), Some(0));
    drop(stdin);
}

/// The same for the status line: with its input never ending, it still prints its one line and exits 0 within
/// its deadline (it used to read stdin until it closed, so a stuck pipe held it for good).
#[tokio::test]
async fn a_status_line_whose_input_never_ends_prints_its_line_within_its_deadline() {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let mut child = tokio::process::Command::new(EXE)
        .args(["statusline", "--nats-url", &no_nats_url(), "--data-dir"])
        .arg(data_dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("shim-node statusline runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    tokio::io::AsyncWriteExt::write_all(&mut stdin, br#"{"session_id": "abc", "model": {"#)
        .await
        .expect("writes");
    let output = tokio::time::timeout(DEADLINE, child.wait_with_output())
        .await
        .expect("the status line exits while its input is still open")
        .expect("waits");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).trim(), "SHIM");
    drop(stdin);
}

/// Runs `shim-node ARGS` with its stdout a pipe whose reader is already gone (what `| head -1` leaves once
/// head has its line) and returns its output (stdout not captured).
async fn shim_into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let child = tokio::process::Command::new(EXE)
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .env_remove("SHIM_LOG")
        .env("RUST_BACKTRACE", "1")
        .spawn()
        .expect("shim-node runs");
    child.wait_with_output().await.expect("finishes")
}

/// A reader that stops early (`shim-node resume | head -1`) ends every one-shot command quietly, as it ends a
/// Unix tool: exit 0, nothing on stderr; never a panic (exit 101).
#[tokio::test]
async fn a_closed_stdout_ends_every_one_shot_command_quietly() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let url = nats.url();
    let ours = ["--nats-url", url.as_str(), "--node-id", node.node_id()];
    let project = tempfile::tempdir().expect("temp dir");
    let project = std::fs::canonicalize(project.path()).expect("path");
    let project_arg = project.display().to_string();
    let client = node.client().await;
    let _: shim_protocol::messages::SessionStartReply = client
        .request(
            shim_protocol::NodeOp::SessionStart,
            &shim_protocol::messages::SessionStartRequest {
                chat_id: Some("pipe-chat".to_owned()),
                project_dir: Some(project_arg.clone()),
                ..Default::default()
            },
        )
        .await
        .expect("session");
    let _: shim_protocol::messages::CheckpointSaved = node
        .client_for("pipe-chat")
        .await
        .request(
            shim_protocol::NodeOp::CheckpointSave,
            &shim_protocol::messages::SaveCheckpointRequest {
                chat_id: "pipe-chat".to_owned(),
                input: shim_protocol::messages::CheckpointInput {
                    summary: "half way".to_owned(),
                    ..Default::default()
                },
            },
        )
        .await
        .expect("saved");
    let setup_dir = tempfile::tempdir().expect("temp dir");
    let setup_arg = setup_dir.path().display().to_string();
    for args in [
        vec!["resume", "--project", project_arg.as_str()],
        vec!["status"],
        vec!["status", "--json"],
        vec!["chats"],
        vec!["tasks", "list"],
        vec!["checkpoints", "list"],
        vec!["checkpoints", "show", "pipe-chat:1"],
        vec!["checkpoints", "export", "pipe-chat:1"],
        vec!["route", "fix the typo in the README"],
        vec!["setup", "claude-code", "--project", setup_arg.as_str()],
        vec!["setup", "claude-desktop"],
    ] {
        let output = shim_into_closed_pipe(&[&args[..], &ours[..]].concat()).await;
        let text = stderr(&output);
        assert_eq!(code(&output), 0, "{args:?}: {text}");
        assert!(!text.contains("panicked"), "{args:?}: {text}");
        assert_eq!(text, "", "{args:?}: nothing on stderr");
    }
    node.stop().await;
}

/// A project directory that does not exist is refused (exit 1, a clear error) by `setup claude-code`, which
/// then creates nothing, and by `resume`, which does not pretend there is merely nothing to resume.
#[tokio::test]
async fn a_project_dir_that_does_not_exist_is_refused() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let url = nats.url();
    let ours = ["--nats-url", url.as_str(), "--node-id", node.node_id()];
    let root = tempfile::tempdir().expect("temp dir");
    let missing = root.path().join("no-such-project");
    let missing_arg = missing.display().to_string();
    let file = root.path().join("a-file");
    std::fs::write(&file, "").expect("write");
    let file_arg = file.display().to_string();

    for dir in [missing_arg.as_str(), file_arg.as_str()] {
        let setup = shim(&["setup", "claude-code", "--project", dir]).await;
        assert_eq!(code(&setup), 1, "{}", stderr(&setup));
        assert!(
            stderr(&setup).starts_with(&format!("error: project directory {dir} ")),
            "{}",
            stderr(&setup)
        );
        let resume = shim(&[&["resume", "--project", dir], &ours[..]].concat()).await;
        assert_eq!(code(&resume), 1, "{}", stderr(&resume));
        assert!(
            stderr(&resume).starts_with(&format!("error: project directory {dir} ")),
            "{}",
            stderr(&resume)
        );
        assert!(!stderr(&resume).contains("nothing to resume"));
    }
    assert!(!missing.exists(), "setup created nothing");
    let left: Vec<_> = std::fs::read_dir(root.path())
        .expect("read dir")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(left, [std::ffi::OsString::from("a-file")]);
    node.stop().await;
}

/// Asserts that every row of `table` has each column start where the header's name starts: a cell begins
/// there (or, right-aligned, ends where the header's name ends) after a space.
fn assert_aligned(table: &str, right_aligned: &[&str]) {
    let mut lines = table.lines();
    let header = lines.next().expect("a header line");
    let names: Vec<&str> = header.split_whitespace().collect();
    let header: Vec<char> = header.chars().collect();
    let rows: Vec<Vec<char>> = lines.map(|line| line.chars().collect()).collect();
    assert!(!rows.is_empty(), "{table}");
    let mut from = 0;
    for name in names {
        let start = (from..header.len())
            .find(|&at| header[at..].starts_with(&name.chars().collect::<Vec<_>>()[..]))
            .expect("the name is in the header");
        from = start + name.chars().count();
        for row in &rows {
            let (edge, before) = if right_aligned.contains(&name) {
                (from - 1, row.get(from).copied().unwrap_or(' '))
            } else {
                (start, if start == 0 { ' ' } else { row[start - 1] })
            };
            assert!(
                row.get(edge).is_some_and(|ch| !ch.is_whitespace()) && before == ' ',
                "column {name} is misaligned:\n{table}"
            );
        }
    }
}

/// Each column of `tasks list`, `chats` and `checkpoints list` is as wide as its widest cell: a worker's chat
/// id (a UUID, 36 characters) or a long node id keeps every later column in line with its header.
#[tokio::test]
async fn tables_keep_their_columns_in_line_whatever_the_cells() {
    use shim_protocol::{NodeOp, messages::*};
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let url = nats.url();
    let ours = ["--nats-url", url.as_str(), "--node-id", node.node_id()];
    let client = node.client().await;
    let worker = "0f8e1b2c-1111-4222-8333-944445555666";
    for (chat_id, name) in [(worker, "parser work"), ("boss", "lead")] {
        let started: SessionStartReply = client
            .request(
                NodeOp::SessionStart,
                &SessionStartRequest {
                    chat_id: Some(chat_id.to_owned()),
                    name: Some(name.to_owned()),
                    ..Default::default()
                },
            )
            .await
            .expect("session");
        shim_tests::remember(&started);
    }
    for title in ["write the docs", "port the parser"] {
        let _: DispatchTaskReply = shim_tests::acting(&client, "boss")
            .request(
                NodeOp::TaskDispatch,
                &DispatchTaskRequest {
                    chat_id: "boss".to_owned(),
                    title: title.to_owned(),
                    instructions: "all of it".to_owned(),
                    ..DispatchTaskRequest::default()
                },
            )
            .await
            .expect("dispatches");
    }
    let claimed: ClaimTaskReply = shim_tests::acting(&client, worker)
        .request(
            NodeOp::TaskClaim,
            &ClaimTaskRequest {
                chat_id: worker.to_owned(),
                wait_seconds: Some(0),
                capabilities: Some(Vec::new()),
            },
        )
        .await
        .expect("claims");
    assert!(claimed.task.is_some());
    for chat_id in [worker, "boss"] {
        let _: CheckpointSaved = node
            .client_for(chat_id)
            .await
            .request(
                NodeOp::CheckpointSave,
                &SaveCheckpointRequest {
                    chat_id: chat_id.to_owned(),
                    input: CheckpointInput {
                        summary: "half way".to_owned(),
                        ..Default::default()
                    },
                },
            )
            .await
            .expect("saved");
    }
    for (args, right_aligned) in [
        (&["tasks", "list"][..], &["PROGRESS"][..]),
        (&["chats"][..], &["SEEN"][..]),
        (&["checkpoints", "list"][..], &["SIZE"][..]),
    ] {
        let output = shim(&[args, &ours[..]].concat()).await;
        assert_eq!(code(&output), 0, "{args:?}: {}", stderr(&output));
        let table = String::from_utf8_lossy(&output.stdout);
        assert!(table.contains(worker), "{table}");
        assert_aligned(&table, right_aligned);
    }
    node.stop().await;
}

/// An orderly stop (`shim-node stop`, or Ctrl-C on `shim-node run`) of a node that started its own
/// nats-server logs no warning: the node closes its connection before it stops that server, so it never sees
/// NATS go away.
#[tokio::test]
async fn an_orderly_stop_of_a_node_with_embedded_nats_logs_no_warning() {
    for how in ["stop", "ctrl-c"] {
        let data_dir = tempfile::tempdir().expect("temp dir");
        let url = no_nats_url();
        let node_id = format!("quiet-stop-{how}");
        let mut process = NodeProcess::start(EXE, &url, &node_id, data_dir.path());
        let _ =
            wait_for_embedded_node(&url, &node_id, data_dir.path(), Duration::from_secs(5)).await;
        if how == "stop" {
            let data = data_dir.path().display().to_string();
            let stopped = shim(&["stop", "--data-dir", &data]).await;
            assert_eq!(code(&stopped), 0, "{}", stderr(&stopped));
        } else {
            let pid = nix::unistd::Pid::from_raw(i32::try_from(process.pid()).expect("pid"));
            nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGINT).expect("signal");
        }
        assert!(
            wait_until(|| std::future::ready(process.has_exited()), DEADLINE, POLL).await,
            "the node process exited"
        );
        let log = std::fs::read_to_string(data_dir.path().join("node-process.log")).expect("log");
        assert!(
            log.contains("embedded nats-server") && log.contains("shim-node stopped"),
            "{how}: {log}"
        );
        assert!(
            !log.contains("WARN") && !log.contains("ERROR"),
            "{how}: an orderly stop logs no warning:\n{log}"
        );
    }
}
