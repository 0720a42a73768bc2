//! Workflow A, verify and commit (docs/workflows.md), on real repositories of real tools: a tiny Cargo crate
//! (no dependencies, its target dir inside it) in a fresh git repository, verified by the real `cargo`,
//! committed by the real `git`, through `shim-node verify` / `commit` / `workflows` and through
//! `shim-node mcp`'s `shim_verify` / `shim_commit`, with the escalation of a claimed task.

use std::{
    os::unix::fs::PermissionsExt,
    path::{Path, PathBuf},
    process::{Command, Output, Stdio},
    time::{Duration, Instant},
};

use serde_json::{Value, json};
use shim_protocol::{
    NodeOp,
    messages::{DispatchTaskReply, MessageList, TaskList, TaskStatus, TaskStatusRequest},
};
use shim_tests::{McpClient, NatsServer, TestNode};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

const MANIFEST: &str =
    "[package]\nname = \"sums\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n";

/// What the repository starts with.
const START: &str = "pub fn placeholder() {}\n";

/// Does not compile: line 2, column 11.
const COMPILE_ERROR: &str = "pub fn add(a: u32, b: u32) -> u32 {\n    a + b + \"x\"\n}\n";

/// Compiles; its test fails at line 9, column 9.
const FAILING_TEST: &str = "pub fn add(a: u32, b: u32) -> u32 {\n    a + b\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {\n        assert_eq!(super::add(1, 2), 4);\n    }\n}\n";

/// Compiles, passes, formatted.
const FIXED: &str = "pub fn add(a: u32, b: u32) -> u32 {\n    a + b\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn adds() {\n        assert_eq!(super::add(1, 2), 3);\n    }\n}\n";

/// A Cargo crate in a git repository of its own, and the data dir the commands use.
struct Project {
    _root: tempfile::TempDir,
    dir: PathBuf,
    data_dir: PathBuf,
}

impl Project {
    fn new() -> Project {
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("sums");
        let data_dir = root.path().join("data");
        std::fs::create_dir_all(dir.join("src")).expect("mkdir");
        let project = Project {
            dir: dir.canonicalize().expect("canonical"),
            data_dir,
            _root: root,
        };
        project.write("Cargo.toml", MANIFEST);
        project.write(".gitignore", "/target\n");
        project.write("src/lib.rs", START);
        project.git(&["init", "-q", "-b", "main"]);
        project.git(&["add", "-A"]);
        project.git(&["commit", "-q", "-m", "start"]);
        project
    }

    fn write(&self, file: &str, text: &str) {
        std::fs::write(self.dir.join(file), text).expect("write");
    }

    /// What the commands run with: the data dir, the crate's own target dir, offline, a git identity.
    fn envs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("SHIM_DATA_DIR", self.data_dir.display().to_string()),
            (
                "CARGO_TARGET_DIR",
                self.dir.join("target").display().to_string(),
            ),
            ("CARGO_NET_OFFLINE", "true".to_owned()),
            ("CARGO_TERM_COLOR", "never".to_owned()),
            ("GIT_AUTHOR_NAME", "Test".to_owned()),
            ("GIT_AUTHOR_EMAIL", "test@example.invalid".to_owned()),
            ("GIT_COMMITTER_NAME", "Test".to_owned()),
            ("GIT_COMMITTER_EMAIL", "test@example.invalid".to_owned()),
            ("GIT_CONFIG_NOSYSTEM", "1".to_owned()),
        ]
    }

    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(&self.dir)
            .env_remove("SHIM_CONFIG")
            .env_remove("SHIM_LOG")
            .env_remove("CLAUDE_PROJECT_DIR")
            .stdin(Stdio::null());
        for (name, value) in self.envs() {
            command.env(name, value);
        }
        command
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self.command("git").args(args).output().expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).expect("utf-8")
    }

    fn shim(&self, args: &[&str]) -> Output {
        self.command(EXE)
            .args(args)
            .output()
            .expect("shim-node runs")
    }

    /// Runs a documented line through `sh -c` in the project, `shim-node` meaning the binary under test.
    fn sh(&self, line: &str) -> Output {
        self.command("sh")
            .args(["-c", &line.replacen("shim-node", EXE, 1)])
            .output()
            .expect("sh runs")
    }

    /// `shim-node verify --json`: its exit status and its JSON.
    fn verify(&self, extra: &[&str]) -> (bool, Value) {
        let mut args = vec!["verify", "--json"];
        args.extend_from_slice(extra);
        let output = self.shim(&args);
        let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|_| {
            panic!("verify prints JSON: {output:?}");
        });
        let keys: Vec<&String> = json.as_object().expect("an object").keys().collect();
        assert_eq!(keys, ["ok", "failures"], "exactly ok and failures: {json}");
        assert_eq!(output.status.success(), json["ok"] == true, "{output:?}");
        (output.status.success(), json)
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o777
}

#[test]
fn a_crate_is_verified_fixed_and_committed_and_nothing_else_is() {
    let project = Project::new();

    // Nothing runs in a project that is not enabled; the refusal names the command that enables it.
    project.write("src/lib.rs", COMPILE_ERROR);
    for args in [&["verify"][..], &["commit", "-m", "early"]] {
        let refused = project.shim(args);
        assert_eq!(refused.status.code(), Some(1), "{refused:?}");
        assert!(
            stderr(&refused).contains(&format!(
                "`shim-node workflows enable {}`",
                project.dir.display()
            )),
            "{refused:?}"
        );
    }
    assert!(!project.dir.join("target").exists(), "cargo never ran");
    let enabled = project.shim(&["workflows", "enable"]);
    assert!(enabled.status.success(), "{enabled:?}");
    assert_eq!(mode(&project.data_dir.join("workflows")), 0o700);
    assert_eq!(
        mode(&project.data_dir.join("workflows/enabled.json")),
        0o600
    );

    // A compile error, from cargo's JSON, at its place.
    let (ok, json) = project.verify(&[]);
    assert!(!ok);
    assert_eq!(
        json["failures"][0],
        json!({"kind": "check", "file": "src/lib.rs", "line": 2, "column": 11,
               "message": "cannot add `&str` to `u32`"}),
        "{json}"
    );
    let refused = project.shim(&["commit", "-m", "broken"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("the last verify failed (1 failure)")
            && stderr(&refused).contains("src/lib.rs:2:11: check: cannot add"),
        "{refused:?}"
    );

    // A failing test, named and placed from libtest's report.
    project.write("src/lib.rs", FAILING_TEST);
    let (ok, json) = project.verify(&[]);
    assert!(!ok);
    let failures = json["failures"].as_array().expect("failures");
    assert_eq!(failures.len(), 1, "{json}");
    assert_eq!(failures[0]["kind"], "test");
    assert_eq!(failures[0]["file"], "src/lib.rs");
    assert_eq!(failures[0]["line"], 9);
    assert!(
        failures[0]["message"]
            .as_str()
            .is_some_and(|message| message.starts_with("test tests::adds failed")),
        "{json}"
    );

    // Paths narrow what is listed; one outside the project is refused, after following links.
    let (_, elsewhere) = project.verify(&["Cargo.toml"]);
    assert_eq!(elsewhere["failures"], json!([]), "{elsewhere}");
    assert_eq!(elsewhere["ok"], false);
    std::os::unix::fs::symlink("/etc", project.dir.join("etc")).expect("symlink");
    for outside in ["../", "/etc/passwd", "src/../../x", "etc/passwd"] {
        let refused = project.shim(&["verify", outside]);
        assert_eq!(refused.status.code(), Some(1), "{outside}: {refused:?}");
        assert!(
            stderr(&refused).contains("is outside the project"),
            "{outside}: {refused:?}"
        );
    }
    std::fs::remove_file(project.dir.join("etc")).expect("unlink");

    // Fixed: verify passes, commit commits exactly that tree, and nothing is left staged or changed.
    project.write("src/lib.rs", FIXED);
    project.write("src/extra.rs", "");
    let (ok, json) = project.verify(&[]);
    assert!(ok, "{json}");
    assert_eq!(json, json!({"ok": true, "failures": []}));
    let head_before = project.git(&["rev-parse", "HEAD"]);
    let committed = project.shim(&["commit", "-m", "add: sums two numbers"]);
    assert!(committed.status.success(), "{committed:?}");
    assert_eq!(
        project.git(&["log", "-1", "--format=%s"]),
        "add: sums two numbers\n"
    );
    assert_eq!(project.git(&["rev-parse", "HEAD^"]), head_before);
    assert_eq!(project.git(&["status", "--porcelain"]), "");
    assert!(
        project
            .git(&["show", "--name-only", "--format="])
            .contains("src/extra.rs"),
        "the untracked file the verify saw is in the commit"
    );

    // An edit after the passing verify: refused until verified again.
    project.write("src/extra.rs", "// later\n");
    let refused = project.shim(&["commit", "-m", "unverified"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("the tree changed since the last passing verify"),
        "{refused:?}"
    );
    assert_eq!(
        project.git(&["log", "-1", "--format=%s"]),
        "add: sums two numbers\n"
    );
    let (ok, _) = project.verify(&[]);
    assert!(ok);
    let committed = project.shim(&["commit", "-m", "later"]);
    assert!(committed.status.success(), "{committed:?}");
    // Nothing new since: nothing to commit.
    let verified = project.verify(&[]);
    assert!(verified.0);
    let nothing = project.shim(&["commit", "-m", "again"]);
    assert!(
        stderr(&nothing).contains("nothing to commit"),
        "{nothing:?}"
    );

    // Disabled again: refused again.
    assert!(project.shim(&["workflows", "disable"]).status.success());
    assert_eq!(project.shim(&["verify"]).status.code(), Some(1));
}

#[test]
fn a_command_past_its_time_limit_is_killed_with_its_children_and_reported() {
    let project = Project::new();
    // The user's own command: a shell that leaves a grandchild holding the output open.
    project.write(
        ".shim.toml",
        "[verify]\ncheck = { command = [\"sh\", \"-c\", \"sleep 60 & echo $! > grandchild.pid; wait\"], timeout_seconds = 1 }\n",
    );
    assert!(project.shim(&["workflows", "enable"]).status.success());
    let started = Instant::now();
    let (ok, json) = project.verify(&[]);
    assert!(!ok);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(json["failures"][0]["kind"], "timeout", "{json}");
    assert!(
        json["failures"][0]["message"]
            .as_str()
            .is_some_and(|message| message.contains("ran past its time limit of 1s and was killed")),
        "{json}"
    );
    let pid = std::fs::read_to_string(project.dir.join("grandchild.pid")).expect("pid written");
    let stat = format!("/proc/{}/stat", pid.trim());
    let deadline = Instant::now() + Duration::from_secs(10);
    // Gone, or a zombie waiting for its new parent to reap it.
    while std::fs::read_to_string(&stat).is_ok_and(|text| !text.contains(") Z ")) {
        assert!(
            Instant::now() < deadline,
            "the grandchild outlived the time limit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // A shell string is not a command.
    project.write(".shim.toml", "[verify]\ncheck = \"cargo check && true\"\n");
    let refused = project.shim(&["verify"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains(".shim.toml"), "{refused:?}");
}

/// The worked example of docs/workflows.md, each line as the page writes it.
const ENABLE: &str = "shim-node workflows enable";
const VERIFY: &str = "shim-node verify";
const VERIFY_JSON: &str = "shim-node verify --json";
const COMMIT: &str = "shim-node commit -m \"add: sums two numbers\"";
const LIST: &str = "shim-node workflows list";
const DISABLE: &str = "shim-node workflows disable";

#[test]
fn the_worked_example_of_the_guide_runs_as_written() {
    let guide = std::fs::read_to_string(shim_tests::repo_root().join("docs/workflows.md"))
        .expect("docs/workflows.md");
    for line in [ENABLE, VERIFY, VERIFY_JSON, COMMIT, LIST, DISABLE] {
        assert!(
            guide.contains(line),
            "docs/workflows.md does not show {line}"
        );
    }
    let project = Project::new();
    project.write("src/lib.rs", COMPILE_ERROR);
    let enabled = project.sh(ENABLE);
    assert!(enabled.status.success(), "{enabled:?}");
    let failed = project.sh(VERIFY_JSON);
    assert_eq!(failed.status.code(), Some(1), "{failed:?}");
    let printed = String::from_utf8(failed.stdout).expect("utf-8");
    assert!(
        guide.contains(printed.trim()),
        "docs/workflows.md does not show what `{VERIFY_JSON}` prints:\n{printed}"
    );
    let failed = project.sh(VERIFY);
    assert_eq!(failed.status.code(), Some(1), "{failed:?}");
    let printed = String::from_utf8(failed.stdout).expect("utf-8");
    let failure_line = "src/lib.rs:2:11: check: cannot add `&str` to `u32`";
    assert!(printed.contains(failure_line), "{printed}");
    assert!(
        guide.contains(failure_line),
        "docs/workflows.md shows {failure_line}"
    );
    project.write("src/lib.rs", FIXED);
    let passed = project.sh(VERIFY);
    assert!(passed.status.success(), "{passed:?}");
    let committed = project.sh(COMMIT);
    assert!(committed.status.success(), "{committed:?}");
    assert_eq!(
        project.git(&["log", "-1", "--format=%s"]),
        "add: sums two numbers\n"
    );
    let listed = project.sh(LIST);
    assert_eq!(
        String::from_utf8(listed.stdout).expect("utf-8"),
        format!("{}\n", project.dir.display())
    );
    assert!(project.sh(DISABLE).status.success());
    let listed = project.sh(LIST);
    assert!(
        String::from_utf8(listed.stdout)
            .expect("utf-8")
            .starts_with("no project has workflows enabled"),
    );
}

fn structured(result: &Value) -> &Value {
    assert_ne!(result["isError"], json!(true), "the tool failed: {result}");
    &result["structuredContent"]
}

fn tool_error(result: &Value) -> String {
    assert_eq!(
        result["isError"],
        json!(true),
        "the tool succeeded: {result}"
    );
    result["content"][0]["text"]
        .as_str()
        .expect("an error text")
        .to_owned()
}

#[tokio::test]
async fn shim_verify_and_shim_commit_over_mcp_and_a_stuck_task_escalates() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let client = node.client().await;
    let project = Project::new();
    // The node's data dir is the one the MCP server and the commands use.
    let data_dir = node.config_ref().data_dir.display().to_string();
    project.write(
        ".shim.toml",
        "[verify]\ncheck = [\"cargo\", \"check\", \"--message-format=json\"]\ntest = [\"cargo\", \"test\", \"--message-format=json\"]\nmax_failed_verifies = 2\n",
    );
    project.write("src/lib.rs", COMPILE_ERROR);
    let logs = tempfile::tempdir().expect("temp dir");
    let mut envs = project.envs();
    envs.retain(|(name, _)| *name != "SHIM_DATA_DIR");
    envs.push(("CLAUDE_PROJECT_DIR", project.dir.display().to_string()));
    let env: Vec<(&str, &str)> = envs
        .iter()
        .map(|(name, value)| (*name, value.as_str()))
        .collect();
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
        &env,
        &logs.path().join("mcp.log"),
    );
    mcp.initialize().await;

    let refused = tool_error(&mcp.call_tool("shim_verify", json!({})).await);
    assert!(refused.contains("shim-node workflows enable"), "{refused}");
    let enabled = project.shim(&["workflows", "enable", "--data-dir", &data_dir]);
    assert!(enabled.status.success(), "{enabled:?}");

    // The chat claims a task a lead dispatched; two failed verifies of it fail it and tell the lead.
    let started = mcp
        .call_tool("shim_session_start", json!({"name": "worker"}))
        .await;
    let worker = structured(&started)["chat_id"]
        .as_str()
        .expect("chat id")
        .to_owned();
    // The lead is a chat of its own, through its own MCP server.
    let mut lead_mcp = node.mcp(EXE, &logs.path().join("lead.log")).await;
    let lead_started = lead_mcp
        .call_tool("shim_session_start", json!({"name": "lead"}))
        .await;
    let lead = structured(&lead_started)["chat_id"]
        .as_str()
        .expect("chat id")
        .to_owned();
    let dispatched = lead_mcp
        .call_tool(
            "shim_dispatch_task",
            json!({"chat_id": lead, "title": "sums", "instructions": "make add work"}),
        )
        .await;
    let dispatched: DispatchTaskReply =
        serde_json::from_value(structured(&dispatched).clone()).expect("a dispatch reply");
    let claimed = mcp
        .call_tool(
            "shim_claim_task",
            json!({"chat_id": worker, "wait_seconds": 10}),
        )
        .await;
    assert_eq!(
        structured(&claimed)["task"]["task_id"],
        dispatched.task_id.as_str(),
        "{claimed}"
    );

    let first = mcp
        .call_tool("shim_verify", json!({"chat_id": worker}))
        .await;
    let first = structured(&first);
    assert_eq!(first["ok"], false);
    assert_eq!(first["failures"][0]["file"], "src/lib.rs");
    assert_eq!(first["failures"][0]["line"], 2);
    assert_eq!(first["task_failures"], 1);
    assert!(first.get("escalated").is_none(), "{first}");
    let second = mcp
        .call_tool("shim_verify", json!({"chat_id": worker, "paths": ["src"]}))
        .await;
    let second = structured(&second);
    assert_eq!(second["task_failures"], 2);
    assert!(
        second["escalated"]
            .as_str()
            .is_some_and(|text| text.contains(&format!("its supervisor {lead} was told"))),
        "{second}"
    );
    let tasks: TaskList = client
        .request(
            NodeOp::TaskStatus,
            &TaskStatusRequest {
                chat_id: None,
                task_ids: vec![dispatched.task_id.clone()],
                all: false,
            },
        )
        .await
        .expect("status");
    assert_eq!(tasks.tasks[0].status, TaskStatus::Failed);
    let error = tasks.tasks[0].error.clone().unwrap_or_default();
    assert!(
        error.contains("\"file\":\"src/lib.rs\"") && error.contains("\"line\":2"),
        "the structured failures: {error}"
    );
    let read = lead_mcp
        .call_tool("shim_read_messages", json!({"chat_id": lead}))
        .await;
    let messages: MessageList =
        serde_json::from_value(structured(&read).clone()).expect("a message list");
    assert!(
        messages
            .messages
            .iter()
            .any(|message| message.from == worker
                && message
                    .text
                    .starts_with(&format!("task {} failed", dispatched.task_id))),
        "{messages:?}"
    );

    // A path outside the project is refused; a commit after a failed verify is refused with its failures.
    let outside = tool_error(
        &mcp.call_tool("shim_verify", json!({"paths": ["../"]}))
            .await,
    );
    assert!(outside.contains("is outside the project"), "{outside}");
    let refused = tool_error(&mcp.call_tool("shim_commit", json!({"message": "x"})).await);
    assert!(refused.contains("the last verify failed"), "{refused}");

    // Fixed, verified, committed.
    project.write("src/lib.rs", FIXED);
    let passed = mcp.call_tool("shim_verify", json!({})).await;
    let passed = structured(&passed);
    assert_eq!(passed["ok"], true, "{passed}");
    assert_eq!(passed["failures"], json!([]));
    let committed = mcp
        .call_tool("shim_commit", json!({"message": "add works"}))
        .await;
    let commit = structured(&committed)["commit"]
        .as_str()
        .expect("a commit id")
        .to_owned();
    assert_eq!(project.git(&["rev-parse", "HEAD"]).trim(), commit);
    assert_eq!(project.git(&["log", "-1", "--format=%s"]), "add works\n");
    node.stop().await;
}
