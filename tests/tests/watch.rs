//! Workflow B, background monitoring (docs/workflows.md), every part real: a `shim-node run` process on a
//! real nats-server watching tiny Cargo crates in git repositories of their own, built by the real `cargo`;
//! its `workflow.*` events followed on NATS; the status line run as Claude Code runs it.

use std::{
    path::{Path, PathBuf},
    process::{Command, Stdio},
    time::Duration,
};

use serde_json::{Value, json};
use shim_tests::{
    DEADLINE, EventFeed, NatsServer, NodeProcess, POLL, run_hook, sh_quote, wait_for_node,
    wait_until,
};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// Compiles; nothing to test.
const START: &str = "pub fn add(a: u32, b: u32) -> u32 {\n    a + b\n}\n";
/// Does not compile: line 2, column 11.
const COMPILE_ERROR: &str = "pub fn add(a: u32, b: u32) -> u32 {\n    a + b + \"x\"\n}\n";
/// Compiles again, and differs from [`START`].
const FIXED: &str = "pub fn add(a: u32, b: u32) -> u32 {\n    b + a\n}\n";

/// What every process of a test runs with: offline cargo, one target dir outside every project, a git
/// identity.
fn envs(root: &Path) -> Vec<(&'static str, String)> {
    vec![
        (
            "CARGO_TARGET_DIR",
            root.join("cargo-target").display().to_string(),
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

/// A test's temporary root: projects, the data dir, the cargo target dir.
struct Sandbox {
    root: tempfile::TempDir,
    data_dir: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let root = tempfile::tempdir().expect("temp dir");
        let data_dir = root.path().join("data");
        std::fs::create_dir_all(&data_dir).expect("mkdir");
        Sandbox { root, data_dir }
    }

    fn path(&self) -> PathBuf {
        self.root.path().canonicalize().expect("canonical")
    }

    fn command(&self, program: &str, dir: &Path) -> Command {
        let mut command = Command::new(program);
        command
            .current_dir(dir)
            .env_remove("SHIM_CONFIG")
            .env_remove("SHIM_LOG")
            .env_remove("CLAUDE_PROJECT_DIR")
            .env("SHIM_DATA_DIR", &self.data_dir)
            .envs(envs(&self.path()))
            .stdin(Stdio::null());
        command
    }

    /// A crate named `name` in a git repository of its own, everything committed (its lock file too, so
    /// the first build writes nothing the tree holds), with `shim_toml` as its `.shim.toml` when given.
    fn project(&self, name: &str, shim_toml_opt: Option<&str>) -> Project<'_> {
        let dir = self.path().join(name);
        std::fs::create_dir_all(dir.join("src")).expect("mkdir");
        let project = Project { dir, sandbox: self };
        project.write(
            "Cargo.toml",
            &format!("[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\n"),
        );
        project.write(".gitignore", "/target\n*.log\n");
        project.write("src/lib.rs", START);
        if let Some(shim_toml) = shim_toml_opt {
            project.write(".shim.toml", shim_toml);
        }
        let locked = self
            .command("cargo", &project.dir)
            .args(["generate-lockfile", "--offline"])
            .output()
            .expect("cargo runs");
        assert!(locked.status.success(), "{locked:?}");
        project.git(&["init", "-q", "-b", "main"]);
        project.git(&["add", "-A"]);
        project.git(&["commit", "-q", "-m", "start"]);
        project
    }

    /// `shim-node ARGS` in `dir`, which must succeed.
    fn shim(&self, args: &[&str], dir: &Path) {
        self.shim_stderr(args, dir);
    }

    /// `shim-node ARGS` in `dir`, which must succeed: what it wrote on stderr.
    fn shim_stderr(&self, args: &[&str], dir: &Path) -> String {
        let output = self
            .command(EXE, dir)
            .args(args)
            .args(["--data-dir", &self.data_dir.display().to_string()])
            .output()
            .expect("shim-node runs");
        assert!(output.status.success(), "shim-node {args:?}: {output:?}");
        String::from_utf8(output.stderr).expect("utf-8")
    }

    fn start_node(&self, nats: &NatsServer, node_id: &str) -> NodeProcess {
        let envs = envs(&self.path());
        let env: Vec<(&str, &str)> = envs
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        NodeProcess::start_with_env(EXE, &nats.url(), node_id, &self.data_dir, &env)
    }
}

struct Project<'a> {
    dir: PathBuf,
    sandbox: &'a Sandbox,
}

impl Project<'_> {
    fn write(&self, file: &str, text: &str) {
        let path = self.dir.join(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }

    fn git(&self, args: &[&str]) -> String {
        let output = self
            .sandbox
            .command("git", &self.dir)
            .args(args)
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        String::from_utf8(output.stdout).expect("utf-8")
    }

    fn name(&self) -> String {
        self.dir.display().to_string()
    }

    /// `shim-node statusline` as Claude Code runs it in this project.
    fn statusline(&self, nats: &NatsServer, node_id: &str) -> String {
        let command = format!(
            "{} statusline --nats-url {} --node-id {} --data-dir {}",
            sh_quote(EXE),
            sh_quote(&nats.url()),
            sh_quote(node_id),
            sh_quote(&self.sandbox.data_dir.display().to_string())
        );
        let input = json!({
            "session_id": "watch-statusline",
            "cwd": self.dir,
            "workspace": {"current_dir": self.dir, "project_dir": self.dir},
            "context_window": {"context_window_size": 200000, "used_percentage": 10.0},
        });
        let run = run_hook(&command, &[], &input);
        assert_eq!(run.code, 0);
        run.stdout
    }

    async fn wait_for_line(&self, nats: &NatsServer, node_id: &str, wanted: &str, present: bool) {
        let mut last = String::new();
        let found = wait_until(
            || {
                last = self.statusline(nats, node_id);
                let shown = last.contains(wanted);
                async move { shown == present }
            },
            DEADLINE,
            POLL,
        )
        .await;
        assert!(
            found,
            "the status line {} {wanted:?}: {last}",
            if present { "shows" } else { "does not show" }
        );
    }
}

/// The `workflow.*` events, every one kept.
struct Events {
    feed: EventFeed,
    seen: Vec<Value>,
}

impl Events {
    async fn subscribe(nats: &NatsServer) -> Events {
        let client = async_nats::connect(nats.url()).await.expect("connects");
        let feed = EventFeed::subscribe(
            &client,
            &shim_protocol::subject::events_matching("workflow.>"),
        )
        .await;
        Events {
            feed,
            seen: Vec::new(),
        }
    }

    /// The next event about `project`: its type (`workflow.build_started`, ...) and its data.
    async fn next(&mut self, project: &Project<'_>) -> (String, Value) {
        loop {
            let (_, event) = self.feed.next().await;
            self.seen.push(event.clone());
            if event["data"]["project"] == project.name().as_str() {
                let kind = event["type"].as_str().expect("a type").to_owned();
                return (kind, event["data"].clone());
            }
        }
    }

    /// The next event about `project`, which must be of `kind`.
    async fn expect(&mut self, project: &Project<'_>, kind: &str) -> Value {
        let (found, data) = self.next(project).await;
        assert_eq!(found, kind, "{data}");
        data
    }
}

#[tokio::test]
async fn edits_build_in_the_background_failures_are_placed_and_ignored_paths_build_nothing() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::new();
    let project = sandbox.project("sums", None);
    sandbox.shim(&["workflows", "enable"], &project.dir);
    let mut events = Events::subscribe(&nats).await;
    let _node = sandbox.start_node(&nats, "watch-edits");
    wait_for_node(&nats.url(), "watch-edits", Duration::from_secs(5)).await;

    let started = events.expect(&project, "workflow.watch_started").await;
    assert!(started["directories"].as_u64() >= Some(2), "{started}");
    let first = events.expect(&project, "workflow.build_started").await;
    assert_eq!(first["trigger"], "start");
    assert_eq!(
        first["command"],
        json!(["cargo", "check", "--message-format=json"])
    );
    let passed = events.expect(&project, "workflow.build_passed").await;
    assert_eq!(passed["builds"], 1);
    project
        .wait_for_line(&nats, "watch-edits", "✓ build", true)
        .await;

    // A broken edit: a build, and its failure at its place.
    project.write("src/lib.rs", COMPILE_ERROR);
    let started = events.expect(&project, "workflow.build_started").await;
    assert_eq!(started["trigger"], "change");
    assert_eq!(started["changes"], json!(["src/lib.rs"]), "{started}");
    let failed = events.expect(&project, "workflow.build_failed").await;
    assert_eq!(failed["errors"], 1, "{failed}");
    assert_eq!(
        failed["failures"][0],
        json!({"kind": "check", "file": "src/lib.rs", "line": 2, "column": 11,
               "message": "cannot add `&str` to `u32`"}),
        "{failed}"
    );
    project
        .wait_for_line(&nats, "watch-edits", "✗ 1 error", true)
        .await;

    // Ignored paths (the target dir, node_modules, what .gitignore names, an editor's swap file) then the
    // fix: the next build is the fix's, and lists it alone.
    project.write("target/debug/junk.rs", "x");
    project.write("node_modules/left-pad/index.js", "x");
    project.write("build.log", "x");
    project.write("src/.lib.rs.swp", "x");
    project.write("src/lib.rs", FIXED);
    let started = events.expect(&project, "workflow.build_started").await;
    assert_eq!(started["changes"], json!(["src/lib.rs"]), "{started}");
    assert!(started["changes_total"].as_u64() >= Some(1), "{started}");
    let passed = events.expect(&project, "workflow.build_passed").await;
    assert_eq!(passed["builds"], 3);
    project
        .wait_for_line(&nats, "watch-edits", "✓ build", true)
        .await;

    // A save that changes nothing the tree holds builds nothing; the next build is the next real change's
    // alone.
    let written = || {
        std::fs::read_dir(sandbox.data_dir.join("workflows/watch"))
            .ok()
            .and_then(|mut entries| entries.next())
            .and_then(|entry| std::fs::read(entry.ok()?.path()).ok())
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
            .map(|status| {
                (
                    status["at_ms"].as_u64().unwrap_or(0),
                    status["build"].clone(),
                )
            })
            .unwrap_or_default()
    };
    let (before, _) = written();
    project.write("src/lib.rs", FIXED);
    // Written as running when the batch was taken, then back as passed once its tree was found unchanged.
    assert!(
        wait_until(
            || {
                let (at, build) = written();
                async move { at > before && build == "passed" }
            },
            DEADLINE,
            POLL
        )
        .await,
        "the save was looked at"
    );
    project.write("src/more.rs", "pub fn more() {}\n");
    let started = events.expect(&project, "workflow.build_started").await;
    assert_eq!(started["changes"], json!(["src/more.rs"]), "{started}");
    let passed = events.expect(&project, "workflow.build_passed").await;
    assert_eq!(passed["builds"], 4);
}

#[tokio::test]
async fn edits_during_a_build_make_exactly_one_more_build() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::new();
    let runs = sandbox.path().join("runs");
    let gate = sandbox.path().join("gate");
    // The user's own check: it notes each run, then waits for the test to open the gate (outside the
    // project, so neither file is a change).
    let script = format!(
        "echo run >> {runs}; while [ ! -e {gate} ]; do sleep 0.02; done; rm -f {gate}",
        runs = runs.display(),
        gate = gate.display()
    );
    let project = sandbox.project(
        "gated",
        Some(&format!(
            "[verify]\ncheck = [\"sh\", \"-c\", {}]\n\n[watch]\ndebounce_ms = 100\n",
            json!(script)
        )),
    );
    sandbox.shim(&["workflows", "enable"], &project.dir);
    let mut events = Events::subscribe(&nats).await;
    let _node = sandbox.start_node(&nats, "watch-coalesce");
    wait_for_node(&nats.url(), "watch-coalesce", Duration::from_secs(5)).await;
    events.expect(&project, "workflow.watch_started").await;
    events.expect(&project, "workflow.build_started").await;
    project
        .wait_for_line(&nats, "watch-coalesce", "… build", true)
        .await;

    // Five edits while the first build runs.
    for index in 0..5 {
        project.write(&format!("src/edit{index}.rs"), &format!("// {index}\n"));
    }
    let count_runs = || {
        std::fs::read_to_string(&runs)
            .map(|text| text.lines().count())
            .unwrap_or(0)
    };
    assert!(count_runs() <= 1, "one build at a time");
    std::fs::write(&gate, "").expect("open the gate");
    let passed = events.expect(&project, "workflow.build_passed").await;
    assert_eq!(passed["builds"], 1);
    let second = events.expect(&project, "workflow.build_started").await;
    let changes = second["changes"].as_array().expect("changes");
    for index in 0..5 {
        assert!(
            changes.contains(&json!(format!("src/edit{index}.rs"))),
            "{second}"
        );
    }
    let runs_two = || {
        let count = count_runs();
        async move { count == 2 }
    };
    assert!(wait_until(runs_two, DEADLINE, POLL).await, "a second run");
    std::fs::write(&gate, "").expect("open the gate");
    let passed = events.expect(&project, "workflow.build_passed").await;
    assert_eq!(passed["builds"], 2);

    // The next build is the next edit's alone: nothing else was left queued.
    std::fs::write(&gate, "").expect("open the gate");
    project.write("src/last.rs", "// last\n");
    let third = events.expect(&project, "workflow.build_started").await;
    assert_eq!(third["changes"], json!(["src/last.rs"]), "{third}");
    let passed = events.expect(&project, "workflow.build_passed").await;
    assert_eq!(passed["builds"], 3);
    assert_eq!(count_runs(), 3);
}

#[tokio::test]
async fn only_enabled_projects_are_watched_and_enabling_or_disabling_takes_effect_at_once() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::new();
    let enabled = sandbox.project("alpha", None);
    let other = sandbox.project("beta", None);
    sandbox.shim(&["workflows", "enable"], &enabled.dir);
    let mut events = Events::subscribe(&nats).await;
    let _node = sandbox.start_node(&nats, "watch-enabled");
    wait_for_node(&nats.url(), "watch-enabled", Duration::from_secs(5)).await;
    events.expect(&enabled, "workflow.watch_started").await;
    events.expect(&enabled, "workflow.build_started").await;
    events.expect(&enabled, "workflow.build_passed").await;

    // An edit in the project not enabled, then one in the enabled project: only the second builds.
    other.write("src/lib.rs", COMPILE_ERROR);
    enabled.write("src/lib.rs", FIXED);
    events.expect(&enabled, "workflow.build_started").await;
    events.expect(&enabled, "workflow.build_passed").await;
    let about_other: Vec<&Value> = events
        .seen
        .iter()
        .filter(|event| event["data"]["project"] == other.name().as_str())
        .collect();
    assert!(about_other.is_empty(), "{about_other:?}");
    assert!(
        !other.statusline(&nats, "watch-enabled").contains("build"),
        "no build state for a project not watched"
    );

    // Enabled while the node runs: watched, built, its failure shown.
    sandbox.shim(&["workflows", "enable"], &other.dir);
    events.expect(&other, "workflow.watch_started").await;
    events.expect(&other, "workflow.build_started").await;
    let failed = events.expect(&other, "workflow.build_failed").await;
    assert_eq!(failed["failures"][0]["line"], 2, "{failed}");
    other
        .wait_for_line(&nats, "watch-enabled", "✗ 1 error", true)
        .await;

    // Disabled while the node runs: no longer watched, its build state gone from the status line.
    sandbox.shim(&["workflows", "disable"], &enabled.dir);
    let stopped = events.expect(&enabled, "workflow.watch_stopped").await;
    assert_eq!(stopped["reason"], "disabled");
    enabled
        .wait_for_line(&nats, "watch-enabled", "build", false)
        .await;
}

#[tokio::test]
async fn a_passing_tree_left_uncommitted_gets_one_commit_suggestion_until_committed() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::new();
    let project = sandbox.project("pending", Some("[watch]\nsuggest_commit_after_s = 1\n"));
    sandbox.shim(&["workflows", "enable"], &project.dir);
    let mut events = Events::subscribe(&nats).await;
    let _node = sandbox.start_node(&nats, "watch-commit");
    wait_for_node(&nats.url(), "watch-commit", Duration::from_secs(5)).await;
    events.expect(&project, "workflow.watch_started").await;
    events.expect(&project, "workflow.build_started").await;
    events.expect(&project, "workflow.build_passed").await;

    // A passing change, left uncommitted past the threshold.
    project.write("src/lib.rs", FIXED);
    events.expect(&project, "workflow.build_started").await;
    let passed = events.expect(&project, "workflow.build_passed").await;
    let suggested = events.expect(&project, "workflow.commit_suggested").await;
    assert_eq!(suggested["tree"], passed["tree"], "{suggested}");
    assert_eq!(suggested["reason"], "time");
    assert_eq!(suggested["lines"], 2, "one line changed: removed and added");
    assert!(
        suggested["uncommitted_s"].as_u64() >= Some(1),
        "{suggested}"
    );
    project
        .wait_for_line(&nats, "watch-commit", "commit?", true)
        .await;

    // Committed: the suggestion goes.
    project.git(&["commit", "-q", "-am", "fixed"]);
    project
        .wait_for_line(&nats, "watch-commit", "commit?", false)
        .await;
    assert!(
        project
            .statusline(&nats, "watch-commit")
            .contains("✓ build")
    );
    let suggestions = events
        .seen
        .iter()
        .filter(|event| event["type"] == "workflow.commit_suggested")
        .count();
    assert_eq!(suggestions, 1, "once per tree");
}

/// A check that takes no time: these tests are about what the watcher sees, not the compiler.
const QUICK_CHECK: &str = "[verify]\ncheck = [\"true\"]\n";

#[tokio::test]
async fn a_changed_file_counts_once_and_temporary_files_are_no_change() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::new();
    // A debounce long enough for each step below to land in one batch, however slow the machine.
    let project = sandbox.project(
        "counted",
        Some(&format!("{QUICK_CHECK}\n[watch]\ndebounce_ms = 1000\n")),
    );
    project.write("notes.txt", "a\n");
    project.git(&["add", "-A"]);
    project.git(&["commit", "-q", "-m", "notes"]);
    sandbox.shim(&["workflows", "enable"], &project.dir);
    let mut events = Events::subscribe(&nats).await;
    let _node = sandbox.start_node(&nats, "watch-counted");
    wait_for_node(&nats.url(), "watch-counted", Duration::from_secs(5)).await;
    events.expect(&project, "workflow.watch_started").await;
    events.expect(&project, "workflow.build_started").await;
    events.expect(&project, "workflow.build_passed").await;

    // One file written in several steps (data, mode, data: events the kernel does not merge) is one change.
    {
        use std::{io::Write, os::unix::fs::PermissionsExt};
        let path = project.dir.join("notes.txt");
        let mut file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .expect("open");
        file.write_all(b"one\n").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        file.write_all(b"two\n").expect("write");
    }
    let started = events.expect(&project, "workflow.build_started").await;
    assert_eq!(started["changes"], json!(["notes.txt"]), "{started}");
    assert_eq!(started["changes_total"], 1, "{started}");
    assert_eq!(started["changes_overflowed"], false, "{started}");
    events.expect(&project, "workflow.build_passed").await;

    // `sed -i` writes a temporary file beside its target and renames it over it: one change, the target.
    if Command::new("sed").arg("--version").output().is_ok() {
        let sed = Command::new("sed")
            .args(["-i", "s/a/b/"])
            .arg(project.dir.join("notes.txt"))
            .output()
            .expect("sed runs");
        assert!(sed.status.success(), "{sed:?}");
        let started = events.expect(&project, "workflow.build_started").await;
        assert_eq!(started["changes"], json!(["notes.txt"]), "{started}");
        assert_eq!(started["changes_total"], 1, "{started}");
        events.expect(&project, "workflow.build_passed").await;
    } else {
        eprintln!("no sed: its step skipped");
    }

    // A tool's temporary file made and removed, then a real change, and a tracked file deleted: the
    // temporary file is no change, the deletion is one.
    project.write("src/tool-1234.tmp", "scratch");
    std::fs::remove_file(project.dir.join("src/tool-1234.tmp")).expect("remove");
    project.write("src/real.txt", "real\n");
    std::fs::remove_file(project.dir.join("notes.txt")).expect("remove");
    let started = events.expect(&project, "workflow.build_started").await;
    assert_eq!(
        started["changes"],
        json!(["notes.txt", "src/real.txt"]),
        "{started}"
    );
    assert_eq!(started["changes_total"], 2, "{started}");
    events.expect(&project, "workflow.build_passed").await;
}

#[tokio::test]
async fn a_wrong_watch_table_builds_nothing_and_says_what_to_fix() {
    let nats = NatsServer::start();
    let sandbox = Sandbox::new();
    let good = sandbox.project("good", Some(QUICK_CHECK));
    let wrong = sandbox.project(
        "wrong",
        Some(&format!("{QUICK_CHECK}\n[watch]\ndebounce_ms = 5\n")),
    );
    sandbox.shim(&["workflows", "enable"], &good.dir);
    // Enabling it says at once why it will not be watched.
    let said = sandbox.shim_stderr(&["workflows", "enable"], &wrong.dir);
    assert!(
        said.contains("watch.debounce_ms must be 10 to 60000") && said.contains("not watched"),
        "{said}"
    );
    let mut events = Events::subscribe(&nats).await;
    let _node = sandbox.start_node(&nats, "watch-wrong");
    wait_for_node(&nats.url(), "watch-wrong", Duration::from_secs(5)).await;
    // Both projects were looked at in the same read of the enabled list: only the good one is watched.
    events.expect(&good, "workflow.watch_started").await;
    events.expect(&good, "workflow.build_started").await;
    events.expect(&good, "workflow.build_passed").await;

    // A table gone wrong while watched: the watch stops before any build, and says what to fix.
    good.write(
        ".shim.toml",
        &format!("{QUICK_CHECK}\n[watch]\ndebounce_ms = 5\n"),
    );
    let stopped = events.expect(&good, "workflow.watch_stopped").await;
    let reason = stopped["reason"].as_str().expect("a reason");
    for part in [
        &good.dir.join(".shim.toml").display().to_string(),
        "watch.debounce_ms must be 10 to 60000 milliseconds (it is 5)",
        "not watched",
    ] {
        assert!(reason.contains(part), "{reason:?} says {part:?}");
    }
    good.wait_for_line(&nats, "watch-wrong", "build", false)
        .await;

    // Fixed: watched again at once, and its first build is the new watch's. Nothing was built meanwhile
    // (the events of a project come in order), for either project.
    good.write(
        ".shim.toml",
        &format!("{QUICK_CHECK}\n[watch]\ndebounce_ms = 100\n"),
    );
    events.expect(&good, "workflow.watch_started").await;
    let first = events.expect(&good, "workflow.build_started").await;
    assert_eq!(first["trigger"], "start", "{first}");
    events.expect(&good, "workflow.build_passed").await;
    wrong.write(".shim.toml", QUICK_CHECK);
    events.expect(&wrong, "workflow.watch_started").await;
    let first = events.expect(&wrong, "workflow.build_started").await;
    assert_eq!(first["trigger"], "start", "{first}");
    events.expect(&wrong, "workflow.build_passed").await;
    let before_fix: Vec<&Value> = events
        .seen
        .iter()
        .filter(|event| event["data"]["project"] == wrong.name().as_str())
        .take_while(|event| event["type"] != "workflow.watch_started")
        .collect();
    assert!(before_fix.is_empty(), "{before_fix:?}");
}

#[test]
fn the_guide_shows_the_watch_defaults_and_every_event() {
    let guide = std::fs::read_to_string(shim_tests::repo_root().join("docs/workflows.md"))
        .expect("docs/workflows.md");
    let section = guide
        .split("## Workflow B: background monitoring")
        .nth(1)
        .expect("docs/workflows.md has a Workflow B section");
    // The [watch] table it shows is valid, and its values are the defaults.
    let table = section
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a toml block");
    assert_eq!(
        shim_node::workflows::watch::WatchConfig::parse(table).expect("the guide's table parses"),
        shim_node::workflows::watch::WatchConfig::default()
    );
    for event in [
        "watch_started",
        "watch_stopped",
        "build_started",
        "build_passed",
        "build_failed",
        "commit_suggested",
    ] {
        let kind = format!("`workflow.{event}`");
        for (doc, text) in [
            ("docs/workflows.md", section.to_owned()),
            (
                "docs/analytics.md",
                std::fs::read_to_string(shim_tests::repo_root().join("docs/analytics.md"))
                    .expect("read"),
            ),
            (
                "docs/protocol.md",
                std::fs::read_to_string(shim_tests::repo_root().join("docs/protocol.md"))
                    .expect("read"),
            ),
        ] {
            assert!(text.contains(&kind), "{doc} does not list {kind}");
        }
    }
    for shown in ["✓ build", "✗ 1 error", "… build", "commit?"] {
        assert!(section.contains(shown), "the guide shows {shown}");
    }
}
