//! Workflow B's cost (issue 15; docs/performance.md, "Background monitoring"): the CPU a `shim-node run` process
//! spends watching a project, read from `/proc/<pid>/stat` (its own user and system time; the builds' processes,
//! git and the check, reported apart from their reaped children's time).
//!
//! The project: `DIRS` (100) directories of `FILES_PER_DIR` (30) files each, 3,000 files in git, plus a
//! `target/` of 2,000 files that is ignored; its check is `true`, so the numbers are the watcher's, not a
//! compiler's. Phases, each measured on its own:
//!
//! 1. the node with no project enabled, idle for `IDLE_S` (30) seconds: the baseline;
//! 2. the project enabled and built once, then idle for `IDLE_S` seconds;
//! 3. a burst: `BURST` (1,000) edits to files of the project as fast as one thread writes them, until the
//!    build they cause has passed;
//! 4. a stream: `STREAM` (500) edits one every 20 ms (10 s that never go quiet), until the last build passed;
//! 5. ignored writes: `BURST` writes under `target/`, and the time until a later edit's build passed.
//!
//! Run: `cargo bench -p shim-tests --bench watch` (needs `nats-server` and `git`).

use std::{
    path::{Path, PathBuf},
    process::Command,
    time::{Duration, Instant},
};

use futures::StreamExt;
use serde_json::Value;
use shim_tests::{NatsServer, NodeProcess, load::rss_kib, wait_for_node};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");
const DIRS: usize = 100;
const FILES_PER_DIR: usize = 30;
const IGNORED_FILES: usize = 2_000;
const IDLE_S: u64 = 30;
const BURST: usize = 1_000;
const STREAM: usize = 500;

/// User and system CPU seconds of `pid` itself, and of its reaped children.
fn cpu(pid: u32) -> (f64, f64) {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split_whitespace()
        .map(|field| field.parse().unwrap_or(0))
        .collect();
    let at = |index: usize| fields.get(index).copied().unwrap_or(0) as f64 / 100.0;
    (at(11) + at(12), at(13) + at(14))
}

struct Measure {
    pid: u32,
    started: Instant,
    own: f64,
    children: f64,
}

impl Measure {
    fn start(pid: u32) -> Measure {
        let (own, children) = cpu(pid);
        Measure {
            pid,
            started: Instant::now(),
            own,
            children,
        }
    }

    fn report(self, phase: &str, builds: usize) {
        let (own, children) = cpu(self.pid);
        let wall = self.started.elapsed().as_secs_f64();
        let own_s = own - self.own;
        println!(
            "| {phase} | {wall:.1} | {own_s:.2} | {:.2}% | {:.2} | {builds} | {} |",
            100.0 * own_s / wall,
            children - self.children,
            rss_kib(self.pid).unwrap_or(0) / 1024,
        );
    }
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.invalid",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(status.status.success(), "git {args:?}: {status:?}");
}

fn make_project(root: &Path) -> PathBuf {
    let project = root.join("tree");
    for dir in 0..DIRS {
        let path = project.join(format!("src/module{dir}"));
        std::fs::create_dir_all(&path).expect("mkdir");
        for file in 0..FILES_PER_DIR {
            std::fs::write(
                path.join(format!("file{file}.rs")),
                format!("// {dir}/{file}\n"),
            )
            .expect("write");
        }
    }
    let ignored = project.join("target/debug/deps");
    std::fs::create_dir_all(&ignored).expect("mkdir");
    for file in 0..IGNORED_FILES {
        std::fs::write(ignored.join(format!("artifact{file}.o")), "x").expect("write");
    }
    std::fs::write(project.join(".gitignore"), "/target\n").expect("write");
    std::fs::write(
        project.join(".shim.toml"),
        "[verify]\ncheck = [\"true\"]\n\n[watch]\nsuggest_commit_after_s = 86400\nsuggest_commit_after_lines = 100000000\n",
    )
    .expect("write");
    git(&project, &["init", "-q", "-b", "main"]);
    git(&project, &["add", "-A"]);
    git(&project, &["commit", "-q", "-m", "start"]);
    project.canonicalize().expect("canonical")
}

/// Counts `workflow.build_passed` events until `count` more have come.
async fn passed(events: &mut async_nats::Subscriber, count: usize) -> usize {
    let mut seen = 0;
    while seen < count {
        let message = tokio::time::timeout(Duration::from_secs(120), events.next())
            .await
            .expect("a build within two minutes")
            .expect("subscribed");
        let event: Value = serde_json::from_slice(&message.payload).expect("JSON");
        if event["type"] == "workflow.build_passed" {
            seen += 1;
        }
    }
    seen
}

/// Counts the `workflow.build_passed` events already queued (none more for 200 ms).
async fn drain(events: &mut async_nats::Subscriber) -> usize {
    let mut builds = 0;
    while let Ok(Some(message)) =
        tokio::time::timeout(Duration::from_millis(200), events.next()).await
    {
        let event: Value = serde_json::from_slice(&message.payload).unwrap_or_default();
        builds += usize::from(event["type"] == "workflow.build_passed");
    }
    builds
}

/// Waits until no build is running or due: the build state says passed and stays so for a second.
async fn settled(data_dir: &Path) {
    let mut quiet_since = Instant::now();
    loop {
        let status = std::fs::read_dir(data_dir.join("workflows/watch"))
            .ok()
            .and_then(|mut entries| entries.next())
            .and_then(|entry| std::fs::read(entry.ok()?.path()).ok())
            .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
            .unwrap_or_default();
        if status["build"] != "passed" {
            quiet_since = Instant::now();
        }
        if quiet_since.elapsed() > Duration::from_secs(1) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn edit(project: &Path, index: usize, round: &str) {
    let dir = index % DIRS;
    let file = (index / DIRS) % FILES_PER_DIR;
    std::fs::write(
        project.join(format!("src/module{dir}/file{file}.rs")),
        format!("// {dir}/{file} {round} {index}\n"),
    )
    .expect("write");
}

#[tokio::main]
async fn main() {
    let nats = NatsServer::start();
    let root = tempfile::tempdir().expect("temp dir");
    let data_dir = root.path().join("data");
    std::fs::create_dir_all(&data_dir).expect("mkdir");
    let project = make_project(root.path());
    let client = async_nats::connect(nats.url()).await.expect("connects");
    let mut events = client
        .subscribe(shim_protocol::subject::events_matching("workflow.>"))
        .await
        .expect("subscribes");
    client.flush().await.expect("flush");
    let node = NodeProcess::start(EXE, &nats.url(), "watch-bench", &data_dir);
    wait_for_node(&nats.url(), "watch-bench", Duration::from_secs(5)).await;
    let pid = node.pid();
    println!(
        "project: {} files in {} directories (+{IGNORED_FILES} ignored under target/), check `true`",
        DIRS * FILES_PER_DIR,
        DIRS + 2
    );
    println!(
        "| phase | wall s | node CPU s | node CPU % of one core | builds' CPU s (git, check) | builds | node RSS MiB |"
    );
    println!("|---|---|---|---|---|---|---|");

    let idle = Measure::start(pid);
    tokio::time::sleep(Duration::from_secs(IDLE_S)).await;
    idle.report("no project enabled, idle", 0);

    let enable = Measure::start(pid);
    let enabled = Command::new(EXE)
        .args(["workflows", "enable"])
        .arg(&project)
        .arg("--data-dir")
        .arg(&data_dir)
        .output()
        .expect("enable runs");
    assert!(enabled.status.success(), "{enabled:?}");
    let mut builds = passed(&mut events, 1).await;
    settled(&data_dir).await;
    builds += drain(&mut events).await;
    enable.report("enabled: watches set, first build", builds);

    let idle = Measure::start(pid);
    tokio::time::sleep(Duration::from_secs(IDLE_S)).await;
    idle.report("watched, idle", 0);

    let burst = Measure::start(pid);
    for index in 0..BURST {
        edit(&project, index, "burst");
    }
    let mut builds = passed(&mut events, 1).await;
    settled(&data_dir).await;
    builds += drain(&mut events).await;
    burst.report(&format!("burst of {BURST} edits, until built"), builds);

    let stream = Measure::start(pid);
    for index in 0..STREAM {
        edit(&project, index, "stream");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    settled(&data_dir).await;
    let builds = drain(&mut events).await;
    stream.report(
        &format!("{STREAM} edits, one every 20 ms, until built"),
        builds,
    );

    let ignored = Measure::start(pid);
    for index in 0..BURST {
        std::fs::write(
            project.join(format!(
                "target/debug/deps/artifact{}.o",
                index % IGNORED_FILES
            )),
            format!("{index}"),
        )
        .expect("write");
    }
    edit(&project, 0, "after-ignored");
    let mut builds = passed(&mut events, 1).await;
    settled(&data_dir).await;
    builds += drain(&mut events).await;
    ignored.report(
        &format!("{BURST} ignored writes under target/, then 1 edit, until built"),
        builds,
    );
    drop(node);
}
