//! Private by default: a node started under a permissive umask keeps its data dir 0700 and every file in it
//! (sled store, logs, the embedded nats-server's settings, store and log) 0600, and so are checkpoint exports
//! and the config files `shim-node setup` writes. A chat's `project_dir` must be an existing directory of the
//! user the node runs as, at session start and again whenever the node reads git state from it.
//!
//! Every test here runs under umask 000 (this file is its own test binary, so the process-wide umask touches
//! nothing else); the processes it spawns inherit it.

use std::{
    os::unix::fs::{MetadataExt, PermissionsExt},
    path::{Path, PathBuf},
    process::Command,
};

use nix::{sys::signal::Signal, unistd::Pid};
use serde_json::json;
use shim_node::nats::ClientError;
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        Checkpoint, CheckpointInput, CheckpointSaved, GetCheckpointRequest, SaveCheckpointRequest,
        SessionStartReply, SessionStartRequest,
    },
};
use shim_tests::{DEADLINE, McpClient, NatsServer, NodeProcess, POLL, free_port, wait_until};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

fn permissive_umask() {
    nix::sys::stat::umask(nix::sys::stat::Mode::empty());
}

/// Every path under `root` (symbolic links not followed) that others may read, write or enter.
fn open_to_others(root: &Path) -> Vec<(PathBuf, u32)> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(path) = pending.pop() {
        let Ok(metadata) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if metadata.file_type().is_symlink() {
            continue;
        }
        if metadata.mode() & 0o077 != 0 {
            found.push((path.clone(), metadata.mode() & 0o777));
        }
        if metadata.is_dir() {
            for entry in std::fs::read_dir(&path).expect("readable dir").flatten() {
                pending.push(entry.path());
            }
        }
    }
    found
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("exists").mode() & 0o777
}

fn alive(pid: i32) -> bool {
    nix::sys::signal::kill(Pid::from_raw(pid), None).is_ok()
        && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .is_ok_and(|stat| stat.split_whitespace().nth(2) == Some("Z"))
}

/// SIGTERMs the node holding `data_dir` on drop, so a failed assertion leaves no node behind.
struct BackgroundNode(i32);

impl Drop for BackgroundNode {
    fn drop(&mut self) {
        let _ = nix::sys::signal::kill(Pid::from_raw(self.0), Signal::SIGTERM);
    }
}

#[tokio::test]
async fn a_node_started_under_umask_000_keeps_its_data_dir_private() {
    permissive_umask();
    let root = tempfile::tempdir().expect("temp dir");
    let data_dir = root.path().join("data");
    let project = root.path().join("project");
    std::fs::create_dir(&project).expect("project dir");
    let url = format!("nats://127.0.0.1:{}", free_port());
    let flags = [
        "--nats-url".to_owned(),
        url.clone(),
        "--node-id".to_owned(),
        "privacy-test".to_owned(),
        "--data-dir".to_owned(),
        data_dir.display().to_string(),
        "--metrics-addr".to_owned(),
        "off".to_owned(),
        "--otlp-addr".to_owned(),
        "off".to_owned(),
    ];
    let args: Vec<&str> = flags.iter().map(String::as_str).collect();

    // `shim-node mcp` starts the node in the background, which starts its own nats-server.
    let mut mcp = McpClient::spawn(Path::new(EXE), &args, &[], &root.path().join("mcp.log"));
    mcp.initialize().await;
    let started = mcp
        .call_tool(
            "shim_session_start",
            json!({"name": "private", "project_dir": project}),
        )
        .await;
    assert_ne!(started["isError"], json!(true), "{started}");
    let saved = mcp
        .call_tool(
            "shim_checkpoint",
            json!({"summary": "secret plans", "chat_id": started["structuredContent"]["chat_id"]}),
        )
        .await;
    assert_ne!(saved["isError"], json!(true), "{saved}");
    let checkpoint_id = saved["structuredContent"]["checkpoint_id"]
        .as_str()
        .expect("checkpoint id")
        .to_owned();
    assert!(mcp.close().await);
    let pid: i32 = std::fs::read_to_string(data_dir.join("shim-node.lock"))
        .expect("lock file")
        .trim()
        .parse()
        .expect("pid");
    let node = BackgroundNode(pid);

    // An export and the files `setup` writes, from processes that also run under umask 000.
    let export = root.path().join("export.json");
    let exported = Command::new(EXE)
        .args(["checkpoints", "export", &checkpoint_id, "--output"])
        .arg(&export)
        .args(&flags)
        .output()
        .expect("export runs");
    assert!(
        exported.status.success(),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    assert_eq!(mode(&export), 0o600, "checkpoint export");
    let setup = Command::new(EXE)
        .args(["setup", "claude-code", "--project"])
        .arg(&project)
        .output()
        .expect("setup runs");
    assert!(
        setup.status.success(),
        "{}",
        String::from_utf8_lossy(&setup.stderr)
    );
    assert_eq!(mode(&project.join(".mcp.json")), 0o600);
    assert_eq!(mode(&project.join(".claude/settings.json")), 0o600);

    // Everything the node, its store, its log and its nats-server made is its user's alone.
    for made in [
        "store",
        "logs/node.log",
        "nats/nats.conf",
        "nats/server.conf",
        "nats/auth.toml",
        "nats/jetstream",
        "nats/nats-server.log",
    ] {
        assert!(data_dir.join(made).exists(), "{made} exists");
    }
    assert_eq!(mode(&data_dir), 0o700);
    let open = open_to_others(&data_dir);
    assert!(open.is_empty(), "readable by others: {open:?}");

    let pid = node.0;
    drop(node);
    assert!(
        wait_until(|| async { !alive(pid) }, DEADLINE, POLL).await,
        "node stopped"
    );
}

#[tokio::test]
async fn an_existing_data_dir_left_open_is_narrowed_at_start() {
    permissive_umask();
    let nats = NatsServer::start();
    let root = tempfile::tempdir().expect("temp dir");
    let data_dir = root.path().join("data");
    std::fs::create_dir_all(data_dir.join("store")).expect("dirs");
    std::fs::create_dir_all(data_dir.join("logs")).expect("dirs");
    std::fs::write(data_dir.join("logs/node.log"), "old log\n").expect("write");
    for path in [&data_dir, &data_dir.join("store"), &data_dir.join("logs")] {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    std::fs::set_permissions(
        data_dir.join("logs/node.log"),
        std::fs::Permissions::from_mode(0o644),
    )
    .expect("chmod");
    let _node = NodeProcess::start(EXE, &nats.url(), "narrowed", &data_dir);
    shim_tests::wait_for_node(&nats.url(), "narrowed", DEADLINE).await;
    let open: Vec<_> = open_to_others(&data_dir)
        .into_iter()
        // The harness's own capture of the node's output, made by this test process.
        .filter(|(path, _)| !path.ends_with("node-process.log"))
        .collect();
    assert!(open.is_empty(), "readable by others: {open:?}");
}

/// A directory owned by another user than this one: `/` when not root, else a fresh one given to `nobody`.
fn foreign_dir(root: &Path) -> PathBuf {
    if nix::unistd::geteuid().is_root() {
        let dir = root.join("someone-elses");
        std::fs::create_dir(&dir).expect("dir");
        std::os::unix::fs::chown(&dir, Some(65534), Some(65534)).expect("chown");
        dir
    } else {
        PathBuf::from("/")
    }
}

#[tokio::test]
async fn a_project_dir_must_be_an_existing_directory_of_the_nodes_user() {
    permissive_umask();
    let nats = NatsServer::start();
    let node = shim_tests::TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let root = tempfile::tempdir().expect("temp dir");
    let file = root.path().join("file");
    std::fs::write(&file, "x").expect("write");
    let foreign = foreign_dir(root.path());
    let link = root.path().join("link");
    std::os::unix::fs::symlink(&foreign, &link).expect("symlink");
    for bad in [
        root.path().join("missing").display().to_string(),
        "relative/dir".to_owned(),
        file.display().to_string(),
        foreign.display().to_string(),
        link.display().to_string(),
    ] {
        let started = client
            .request::<_, SessionStartReply>(
                NodeOp::SessionStart,
                &SessionStartRequest {
                    project_dir: Some(bad.clone()),
                    ..Default::default()
                },
            )
            .await;
        assert!(
            matches!(
                started,
                Err(ClientError::Remote(WireError::BadRequest { .. }))
            ),
            "{bad}: {started:?}"
        );
    }
    let own: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                project_dir: Some(root.path().display().to_string()),
                ..Default::default()
            },
        )
        .await
        .expect("an own directory is fine");
    assert!(own.created);
    node.stop().await;
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

/// Git state is read at each checkpoint only while the project is still the user's: a directory handed to
/// another user after the chat started is not read. Needs root (to hand a directory over).
#[tokio::test]
async fn git_state_is_not_read_from_a_project_that_changed_hands() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: handing a directory to another user needs root");
        return;
    }
    permissive_umask();
    let nats = NatsServer::start();
    let root = tempfile::tempdir().expect("temp dir");
    let repo = root.path().join("repo");
    std::fs::create_dir(&repo).expect("dir");
    git(&repo, &["init", "-q", "-b", "main"]);
    std::fs::write(repo.join("a.txt"), "one\n").expect("write");
    git(&repo, &["add", "a.txt"]);
    git(
        &repo,
        &[
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@t",
            "commit",
            "-qm",
            "one",
        ],
    );
    std::fs::write(repo.join("a.txt"), "two\n").expect("write");
    // The node trusts every repository git-wise, so only SHIM's own rule can keep it out.
    let gitconfig = root.path().join("gitconfig");
    std::fs::write(&gitconfig, "[safe]\n\tdirectory = *\n").expect("write");
    let data_dir = root.path().join("data");
    std::fs::create_dir(&data_dir).expect("dir");
    let gitconfig_path = gitconfig.display().to_string();
    let _node = NodeProcess::start_with_env(
        EXE,
        &nats.url(),
        "handover",
        &data_dir,
        &[("GIT_CONFIG_GLOBAL", gitconfig_path.as_str())],
    );
    let client = shim_tests::wait_for_node(&nats.url(), "handover", DEADLINE).await;
    let started: SessionStartReply = client
        .request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                project_dir: Some(repo.display().to_string()),
                ..Default::default()
            },
        )
        .await
        .expect("starts");
    let checkpoint = |summary: &str| SaveCheckpointRequest {
        chat_id: started.chat_id.clone(),
        input: CheckpointInput {
            summary: summary.to_owned(),
            ..Default::default()
        },
    };
    let fetch = |saved: CheckpointSaved| GetCheckpointRequest {
        checkpoint_id: saved.checkpoint_id,
    };
    // The session acts with the secret its start gave.
    let session = client.with_chat_secret(started.chat_secret.as_deref());
    let saved: CheckpointSaved = session
        .request(NodeOp::CheckpointSave, &checkpoint("mine"))
        .await
        .expect("saves");
    let mine: Checkpoint = client
        .request(NodeOp::CheckpointGet, &fetch(saved))
        .await
        .expect("gets");
    assert_eq!(mine.files.branch.as_deref(), Some("main"));
    assert!(mine.files.diff.contains("two"), "{:?}", mine.files);

    std::os::unix::fs::chown(&repo, Some(65534), Some(65534)).expect("chown");
    let saved: CheckpointSaved = session
        .request(NodeOp::CheckpointSave, &checkpoint("theirs"))
        .await
        .expect("saves");
    let theirs: Checkpoint = client
        .request(NodeOp::CheckpointGet, &fetch(saved))
        .await
        .expect("gets");
    assert_eq!(theirs.files.branch, None, "{:?}", theirs.files);
    assert!(theirs.files.diff.is_empty(), "{:?}", theirs.files);
}

/// A Claude Code session (hooks, MCP server) working in a directory that is not the node's user's still gets
/// its chat, without a project; a `project_dir` named explicitly is refused as it stands.
#[tokio::test]
async fn a_session_in_a_foreign_directory_opens_without_a_project() {
    permissive_umask();
    let nats = NatsServer::start();
    let node = shim_tests::TestNode::start(&nats.url()).await;
    let root = tempfile::tempdir().expect("temp dir");
    let foreign = foreign_dir(root.path());
    let flags = [
        "--nats-url".to_owned(),
        node.config_ref().nats_url.clone(),
        "--node-id".to_owned(),
        node.node_id().to_owned(),
    ];
    let mut hook = tokio::process::Command::new(EXE)
        .arg("hook")
        .args(&flags)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("hook starts");
    let mut stdin = hook.stdin.take().expect("stdin");
    tokio::io::AsyncWriteExt::write_all(
        &mut stdin,
        json!({"session_id": "cc-foreign", "hook_event_name": "SessionStart", "source": "startup", "cwd": foreign})
            .to_string()
            .as_bytes(),
    )
    .await
    .expect("writes");
    drop(stdin);
    assert!(hook.wait().await.expect("exits").success());
    let client = node.client().await;
    let status: shim_protocol::messages::StatusReply = client
        .request(
            NodeOp::Status,
            &shim_protocol::messages::StatusRequest {
                chat_id: Some("cc-foreign".to_owned()),
            },
        )
        .await
        .expect("the hook opened the chat");
    let chat = status.chat.expect("chat info");
    assert_eq!(chat.project_dir, None);

    let data_dir = node.config_ref().data_dir.display().to_string();
    let foreign_text = foreign.display().to_string();
    let mut mcp = McpClient::spawn(
        Path::new(EXE),
        &[
            "--nats-url",
            &node.config_ref().nats_url,
            "--node-id",
            node.node_id(),
            "--data-dir",
            &data_dir,
            "--no-autostart",
        ],
        &[("CLAUDE_PROJECT_DIR", foreign_text.as_str())],
        &root.path().join("mcp.log"),
    );
    mcp.initialize().await;
    let started = mcp.call_tool("shim_session_start", json!({})).await;
    assert_ne!(started["isError"], json!(true), "{started}");
    let named = mcp
        .call_tool("shim_session_start", json!({"project_dir": foreign}))
        .await;
    assert_eq!(named["isError"], json!(true), "{named}");
    assert!(
        named["content"][0]["text"]
            .as_str()
            .is_some_and(|text| text.contains("project_dir")),
        "{named}"
    );
    assert!(mcp.close().await);
    node.stop().await;
}
