//! `shim-node setup`: connects SHIM to Claude Code (hooks, status line, MCP server) and Claude Desktop (MCP
//! server). Merging is idempotent and keeps everything else in the files: running it twice changes nothing,
//! and a status line of someone else's is left alone unless asked.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde_json::{Map, Value, json};

/// The Claude Code hook events SHIM listens to.
pub const HOOK_EVENTS: [&str; 9] = [
    "SessionStart",
    "UserPromptSubmit",
    "PostToolUse",
    "PostToolUseFailure",
    "PreCompact",
    "PostCompact",
    "Stop",
    "StopFailure",
    "SessionEnd",
];

/// Events whose hook groups take a tool matcher.
const TOOL_EVENTS: [&str; 2] = ["PostToolUse", "PostToolUseFailure"];

/// Where Claude Code settings go.
#[derive(Debug, Clone)]
pub enum Scope {
    /// `<dir>/.claude/settings.json` and `<dir>/.mcp.json`.
    Project(PathBuf),
    /// `~/.claude/settings.json` and `~/.claude.json`.
    User(PathBuf),
}

/// The command Claude Code runs through `sh -c`: the program's path as one shell word (single-quoted unless
/// every character is plain; within double quotes, `$`, backquotes and backslashes would still be expanded,
/// and a `;` or `&` without a space was left bare).
fn command(exe: &Path, subcommand: &str) -> String {
    let exe = exe.display().to_string();
    let plain = !exe.is_empty()
        && exe
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+@%,=:".contains(c));
    if plain {
        format!("{exe} {subcommand}")
    } else {
        format!("'{}' {subcommand}", exe.replace('\'', "'\\''"))
    }
}

/// True for a command SHIM wrote (`<.../shim-node...> <subcommand>`), wherever the binary lives.
fn is_shim_command(command: &str, subcommand: &str) -> bool {
    let Some(program) = command.trim().strip_suffix(subcommand).map(str::trim_end) else {
        return false;
    };
    // Written by this version single-quoted, by earlier ones double-quoted.
    let program = program.trim_matches(['"', '\'']);
    Path::new(program)
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with("shim-node"))
}

fn object<'a>(value: &'a mut Value, key: &str) -> anyhow::Result<&'a mut Map<String, Value>> {
    let root = value
        .as_object_mut()
        .context("the settings file is not a JSON object")?;
    let entry = root.entry(key.to_owned()).or_insert_with(|| json!({}));
    entry
        .as_object_mut()
        .with_context(|| format!("`{key}` in the settings file is not a JSON object"))
}

/// Adds SHIM's hooks and status line to Claude Code settings; returns notes for the user.
pub fn merge_settings(
    settings: &mut Value,
    exe: &Path,
    replace_statusline: bool,
) -> anyhow::Result<Vec<String>> {
    let mut notes = Vec::new();
    let hook_command = command(exe, "hook");
    let hooks = object(settings, "hooks")?;
    for event in HOOK_EVENTS {
        let groups = hooks.entry(event.to_owned()).or_insert_with(|| json!([]));
        let groups = groups
            .as_array_mut()
            .with_context(|| format!("`hooks.{event}` is not a list"))?;
        // Drop SHIM's own entries (from an older path, say), then groups they leave empty.
        for group in groups.iter_mut() {
            if let Some(list) = group.get_mut("hooks").and_then(Value::as_array_mut) {
                list.retain(|hook| {
                    !hook
                        .get("command")
                        .and_then(Value::as_str)
                        .is_some_and(|command| is_shim_command(command, "hook"))
                });
            }
        }
        groups.retain(|group| {
            group
                .get("hooks")
                .and_then(Value::as_array)
                .is_none_or(|list| !list.is_empty())
        });
        // SessionStart may start the node and wait for it (see `hook::START_DEADLINE`).
        let timeout = if event == "SessionStart" { 15 } else { 5 };
        let mut group =
            json!({"hooks": [{"type": "command", "command": hook_command, "timeout": timeout}]});
        if TOOL_EVENTS.contains(&event) {
            group["matcher"] = json!("*");
        }
        groups.push(group);
    }
    let root = settings
        .as_object_mut()
        .context("the settings file is not a JSON object")?;
    let ours = json!({"type": "command", "command": command(exe, "statusline"), "padding": 0});
    let existing_is_ours = root
        .get("statusLine")
        .and_then(|line| line.get("command"))
        .and_then(Value::as_str)
        .is_some_and(|command| is_shim_command(command, "statusline"));
    if root.get("statusLine").is_none() || existing_is_ours || replace_statusline {
        root.insert("statusLine".to_owned(), ours);
    } else {
        notes.push(
            "a status line of your own is configured and was kept; run again with --statusline to use SHIM's"
                .to_owned(),
        );
    }
    Ok(notes)
}

/// What `--telemetry` sets in the settings' `env` block, the endpoint last.
const TELEMETRY_ENV: [(&str, &str); 4] = [
    ("CLAUDE_CODE_ENABLE_TELEMETRY", "1"),
    ("OTEL_LOGS_EXPORTER", "otlp"),
    ("OTEL_METRICS_EXPORTER", "otlp"),
    ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
];

/// The endpoint key of the settings' `env` block.
const ENDPOINT_KEY: &str = "OTEL_EXPORTER_OTLP_ENDPOINT";

/// What to do with Claude Code's telemetry settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Telemetry {
    /// Leave the `env` block alone; when its endpoint is the node's (this one: `http://127.0.0.1:4318`), add
    /// the headers helper a setup from before the receiver required a token did not write.
    Keep(Option<String>),
    /// Send Claude Code's telemetry to the node's OTLP receiver at this endpoint (`http://127.0.0.1:4318`).
    Send(String),
    /// Take out what `Send` wrote for this endpoint.
    Remove(String),
}

/// Returns the endpoint Claude Code reaches the OTLP receiver on `addr` at: a wildcard address becomes
/// loopback.
pub fn otlp_endpoint(addr: std::net::SocketAddr) -> String {
    let ip = match addr.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
        ip => ip,
    };
    format!("http://{}", std::net::SocketAddr::new(ip, addr.port()))
}

/// The settings key of the command Claude Code runs for its telemetry's headers.
const HEADERS_HELPER_KEY: &str = "otelHeadersHelper";

/// Writes (or takes out) the `env` entries that send Claude Code's telemetry to SHIM, and the headers helper
/// (`shim-node otel-headers` of `exe`) that lets it in, keeping the user's other entries; returns notes for
/// the user (a value of the user's that was replaced).
pub fn merge_telemetry(
    settings: &mut Value,
    exe: &Path,
    telemetry: &Telemetry,
) -> anyhow::Result<Vec<String>> {
    let mut notes = Vec::new();
    match telemetry {
        Telemetry::Keep(endpoint_opt) => {
            let sends_to_node = endpoint_opt.as_deref().is_some_and(|endpoint| {
                settings
                    .get("env")
                    .and_then(|env| env.get(ENDPOINT_KEY))
                    .and_then(Value::as_str)
                    == Some(endpoint)
            });
            if sends_to_node {
                set_headers_helper(settings, exe, &mut notes)?;
            }
        }
        Telemetry::Send(endpoint) => {
            set_headers_helper(settings, exe, &mut notes)?;
            let env = object(settings, "env")?;
            let wanted = TELEMETRY_ENV
                .iter()
                .map(|(key, value)| (*key, (*value).to_owned()))
                .chain([(ENDPOINT_KEY, endpoint.clone())]);
            for (key, value) in wanted {
                match env.get(key) {
                    Some(Value::String(old)) if *old == value => {}
                    Some(old) => {
                        notes.push(format!("{key} was {old}; it is now {value:?}"));
                        env.insert(key.to_owned(), json!(value));
                    }
                    None => {
                        env.insert(key.to_owned(), json!(value));
                    }
                }
            }
        }
        Telemetry::Remove(endpoint) => {
            let Some(env) = settings.get_mut("env").and_then(Value::as_object_mut) else {
                return Ok(notes);
            };
            // Only what points at SHIM: telemetry the user sends elsewhere stays as it is.
            if env.get(ENDPOINT_KEY).and_then(Value::as_str) != Some(endpoint.as_str()) {
                if env.contains_key(ENDPOINT_KEY) {
                    notes.push(format!(
                        "{ENDPOINT_KEY} does not point at SHIM ({endpoint}); the telemetry settings were left alone"
                    ));
                }
                return Ok(notes);
            }
            env.remove(ENDPOINT_KEY);
            for (key, value) in TELEMETRY_ENV {
                if env.get(key).and_then(Value::as_str) == Some(value) {
                    env.remove(key);
                }
            }
            let env_is_empty = env.is_empty();
            if let Some(root) = settings.as_object_mut() {
                if env_is_empty {
                    root.remove("env");
                }
                let helper_is_ours = root
                    .get(HEADERS_HELPER_KEY)
                    .and_then(Value::as_str)
                    .is_some_and(|command| is_shim_command(command, "otel-headers"));
                if helper_is_ours {
                    root.remove(HEADERS_HELPER_KEY);
                }
            }
        }
    }
    Ok(notes)
}

/// Makes `shim-node otel-headers` Claude Code's headers helper, naming a helper of the user's it replaces.
fn set_headers_helper(
    settings: &mut Value,
    exe: &Path,
    notes: &mut Vec<String>,
) -> anyhow::Result<()> {
    let helper = command(exe, "otel-headers");
    let root = settings
        .as_object_mut()
        .context("the settings file is not a JSON object")?;
    match root.get(HEADERS_HELPER_KEY) {
        Some(Value::String(old)) if *old == helper => {}
        Some(old) => {
            notes.push(format!(
                "{HEADERS_HELPER_KEY} was {old}; it is now {helper:?} (SHIM's receiver takes only telemetry \
                 with its header)"
            ));
            root.insert(HEADERS_HELPER_KEY.to_owned(), json!(helper));
        }
        None => {
            root.insert(HEADERS_HELPER_KEY.to_owned(), json!(helper));
        }
    }
    Ok(())
}

/// Adds the `shim` MCP server to a file with an `mcpServers` object.
pub fn merge_mcp(config: &mut Value, exe: &Path) -> anyhow::Result<()> {
    let servers = object(config, "mcpServers")?;
    servers.insert(
        "shim".to_owned(),
        json!({"command": exe.display().to_string(), "args": ["mcp"]}),
    );
    Ok(())
}

/// Reads a JSON file, or `{}` when it does not exist; refuses a file that is not JSON.
fn read(path: &Path) -> anyhow::Result<Value> {
    match std::fs::read_to_string(path) {
        Ok(text) if text.trim().is_empty() => Ok(json!({})),
        Ok(text) => serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is not valid JSON; fix it by hand, SHIM will not overwrite it",
                path.display()
            )
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(json!({})),
        Err(error) => Err(error).with_context(|| format!("failed to read {}", path.display())),
    }
}

/// Writes `value` when it differs from what the file holds (atomically: a temp file, then a rename);
/// returns whether it wrote.
fn write_if_changed(path: &Path, before: &Value, after: &Value) -> anyhow::Result<bool> {
    if before == after && path.exists() {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("failed to create {}", dir.display()))?;
    }
    let temp = path.with_extension("json.shim-tmp");
    let mut text = serde_json::to_string_pretty(after)?;
    text.push('\n');
    // Private from the first byte; the file's own permissions are put back below.
    crate::data_dir::write_private(&temp, text.as_bytes())
        .with_context(|| format!("failed to write {}", temp.display()))?;
    // Keep the file's permissions: ~/.claude.json, say, is private to its owner.
    let permissions = match std::fs::metadata(path) {
        Ok(metadata) => metadata.permissions(),
        Err(_) => std::os::unix::fs::PermissionsExt::from_mode(0o600),
    };
    std::fs::set_permissions(&temp, permissions)
        .with_context(|| format!("failed to set permissions on {}", temp.display()))?;
    std::fs::rename(&temp, path)
        .with_context(|| format!("failed to replace {}", path.display()))?;
    Ok(true)
}

fn merge_file(
    path: &Path,
    merge: impl FnOnce(&mut Value) -> anyhow::Result<Vec<String>>,
) -> anyhow::Result<(bool, Vec<String>)> {
    let before = read(path)?;
    if !before.is_object() {
        bail!(
            "{} does not hold a JSON object; SHIM will not overwrite it",
            path.display()
        );
    }
    let mut after = before.clone();
    let notes = merge(&mut after)?;
    Ok((write_if_changed(path, &before, &after)?, notes))
}

/// Sets up Claude Code in `scope`, and its telemetry as `telemetry` says; returns one line per file and note.
pub fn claude_code(
    exe: &Path,
    scope: &Scope,
    replace_statusline: bool,
    telemetry: &Telemetry,
) -> anyhow::Result<Vec<String>> {
    let (settings_path, mcp_path) = match scope {
        Scope::Project(dir) => (dir.join(".claude/settings.json"), dir.join(".mcp.json")),
        Scope::User(home) => (
            home.join(".claude/settings.json"),
            home.join(".claude.json"),
        ),
    };
    let mut lines = Vec::new();
    let (changed, notes) = merge_file(&settings_path, |settings| {
        let mut notes = merge_settings(settings, exe, replace_statusline)?;
        notes.extend(merge_telemetry(settings, exe, telemetry)?);
        Ok(notes)
    })?;
    lines.push(format!(
        "{} {}",
        if changed { "updated  " } else { "unchanged" },
        settings_path.display()
    ));
    let (changed, _) = merge_file(&mcp_path, |config| {
        merge_mcp(config, exe).map(|()| Vec::new())
    })?;
    lines.push(format!(
        "{} {}",
        if changed { "updated  " } else { "unchanged" },
        mcp_path.display()
    ));
    lines.extend(notes.into_iter().map(|note| format!("note: {note}")));
    Ok(lines)
}

/// Returns Claude Desktop's config file for this platform.
pub fn desktop_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|dir| dir.join("Claude").join("claude_desktop_config.json"))
}

/// Merges the MCP server into Claude Desktop's config; returns whether the file changed.
pub fn claude_desktop(exe: &Path, path: &Path) -> anyhow::Result<bool> {
    merge_file(path, |config| merge_mcp(config, exe).map(|()| Vec::new()))
        .map(|(changed, _)| changed)
}

/// Returns the Desktop snippet.
pub fn desktop_snippet(exe: &Path) -> String {
    let mut value = json!({});
    merge_mcp(&mut value, exe).expect("merging into an empty object cannot fail");
    serde_json::to_string_pretty(&value).expect("a JSON value always serializes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_is_idempotent_and_keeps_what_is_there() {
        let exe = Path::new("/opt/bin/shim-node");
        let mut settings = json!({
            "model": "opus",
            "hooks": {
                "PostToolUse": [{"matcher": "Edit", "hooks": [{"type": "command", "command": "prettier --write"}]}],
                "Stop": [{"hooks": [{"type": "command", "command": "/old/path/shim-node hook"}]}]
            },
            "permissions": {"allow": ["Bash(cargo test)"]}
        });
        merge_settings(&mut settings, exe, false).expect("merges");
        let once = settings.clone();
        merge_settings(&mut settings, exe, false).expect("merges");
        assert_eq!(settings, once, "a second run changes nothing");

        assert_eq!(settings["model"], "opus");
        assert_eq!(settings["permissions"]["allow"][0], "Bash(cargo test)");
        let post = settings["hooks"]["PostToolUse"].as_array().expect("list");
        assert_eq!(post.len(), 2, "the user's prettier hook stays: {post:?}");
        assert_eq!(post[0]["hooks"][0]["command"], "prettier --write");
        assert_eq!(post[1]["matcher"], "*");
        let stop = settings["hooks"]["Stop"].as_array().expect("list");
        assert_eq!(
            stop.len(),
            1,
            "the old SHIM hook was replaced, not duplicated: {stop:?}"
        );
        assert_eq!(stop[0]["hooks"][0]["command"], "/opt/bin/shim-node hook");
        for event in HOOK_EVENTS {
            assert!(
                settings["hooks"][event]
                    .as_array()
                    .is_some_and(|groups| !groups.is_empty()),
                "{event}"
            );
        }
        assert_eq!(
            settings["statusLine"]["command"],
            "/opt/bin/shim-node statusline"
        );
    }

    #[test]
    fn telemetry_settings_are_written_once_keep_the_users_env_and_come_out_again() {
        let exe = Path::new("/opt/bin/shim-node");
        let endpoint = otlp_endpoint("0.0.0.0:4318".parse().expect("address"));
        assert_eq!(endpoint, "http://127.0.0.1:4318");
        let mut settings =
            json!({"env": {"RUST_LOG": "debug", "OTEL_METRICS_EXPORTER": "prometheus"}});
        let notes = merge_telemetry(&mut settings, exe, &Telemetry::Send(endpoint.clone()))
            .expect("merges");
        assert_eq!(
            notes.len(),
            1,
            "the user's metrics exporter was replaced: {notes:?}"
        );
        let once = settings.clone();
        assert!(
            merge_telemetry(&mut settings, exe, &Telemetry::Send(endpoint.clone()))
                .expect("merges")
                .is_empty()
        );
        assert_eq!(settings, once, "a second run changes nothing");
        assert_eq!(
            settings["env"],
            json!({
                "RUST_LOG": "debug", "OTEL_METRICS_EXPORTER": "otlp", "CLAUDE_CODE_ENABLE_TELEMETRY": "1",
                "OTEL_LOGS_EXPORTER": "otlp", "OTEL_EXPORTER_OTLP_PROTOCOL": "http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT": "http://127.0.0.1:4318",
            })
        );
        assert_eq!(
            settings[HEADERS_HELPER_KEY],
            "/opt/bin/shim-node otel-headers"
        );
        // Removing for another endpoint touches nothing; for SHIM's, it leaves only the user's entries.
        let notes = merge_telemetry(
            &mut settings,
            exe,
            &Telemetry::Remove("http://127.0.0.1:9".to_owned()),
        )
        .expect("merges");
        assert_eq!((notes.len(), &settings), (1, &once));
        merge_telemetry(&mut settings, exe, &Telemetry::Remove(endpoint.clone())).expect("merges");
        assert_eq!(settings, json!({"env": {"RUST_LOG": "debug"}}));
        // A setup from before the receiver required a token: `Keep` adds the helper when the endpoint is the
        // node's, and only then.
        let mut earlier = json!({"env": {ENDPOINT_KEY: endpoint.clone()}});
        merge_telemetry(
            &mut earlier,
            exe,
            &Telemetry::Keep(Some("http://127.0.0.1:9".to_owned())),
        )
        .expect("merges");
        assert_eq!(earlier.get(HEADERS_HELPER_KEY), None);
        merge_telemetry(&mut earlier, exe, &Telemetry::Keep(Some(endpoint.clone())))
            .expect("merges");
        assert_eq!(
            earlier[HEADERS_HELPER_KEY],
            "/opt/bin/shim-node otel-headers"
        );
        let mut bare = json!({});
        merge_telemetry(&mut bare, exe, &Telemetry::Send(endpoint.clone())).expect("merges");
        merge_telemetry(&mut bare, exe, &Telemetry::Remove(endpoint)).expect("merges");
        assert_eq!(
            bare,
            json!({}),
            "an env block SHIM made goes with its entries"
        );
    }

    #[test]
    fn someone_elses_status_line_is_kept_unless_replacing_is_asked() {
        let exe = Path::new("/opt/bin/shim-node");
        let mut settings = json!({"statusLine": {"type": "command", "command": "~/bin/my-line"}});
        let notes = merge_settings(&mut settings, exe, false).expect("merges");
        assert_eq!(settings["statusLine"]["command"], "~/bin/my-line");
        assert_eq!(notes.len(), 1);
        merge_settings(&mut settings, exe, true).expect("merges");
        assert_eq!(
            settings["statusLine"]["command"],
            "/opt/bin/shim-node statusline"
        );
    }

    #[test]
    fn paths_with_spaces_are_quoted_and_still_recognised() {
        let exe = Path::new("/Users/me/My Tools/shim-node");
        assert_eq!(command(exe, "hook"), "'/Users/me/My Tools/shim-node' hook");
        assert!(is_shim_command(&command(exe, "hook"), "hook"));
        // As earlier versions wrote it.
        assert!(is_shim_command(
            "\"/Users/me/My Tools/shim-node\" hook",
            "hook"
        ));
        assert!(is_shim_command("/x/shim-node-e2e hook", "hook"));
        assert!(!is_shim_command("/x/other hook", "hook"));
        assert!(!is_shim_command("/x/shim-node statusline", "hook"));
    }

    /// The command runs as written through `sh -c`, as Claude Code runs it, whatever the path holds: spaces,
    /// `$`, backquotes, `;`, `&`, quotes and backslashes reach the program as its own path, and nothing else
    /// runs.
    #[test]
    fn the_command_runs_through_sh_as_written_whatever_the_path_holds() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("a $HOME `id`;x&y 'q' \\b\"c");
        std::fs::create_dir_all(&dir).expect("dir");
        let exe = dir.join("shim-node");
        std::fs::write(&exe, "#!/bin/sh\nprintf '%s|%s' \"$0\" \"$1\"\n").expect("script");
        std::fs::set_permissions(&exe, std::fs::Permissions::from_mode(0o700)).expect("mode");
        let line = command(&exe, "hook");
        let output = std::process::Command::new("sh")
            .args(["-c", &line])
            .output()
            .expect("sh runs");
        assert!(output.status.success(), "{line}: {output:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            format!("{}|hook", exe.display()),
            "{line}"
        );
        assert!(is_shim_command(&line, "hook"), "{line}");
        assert_eq!(
            command(Path::new("/opt/bin/shim-node"), "hook"),
            "/opt/bin/shim-node hook"
        );
    }

    #[test]
    fn files_are_written_only_when_they_change_and_bad_json_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let exe = Path::new("/opt/bin/shim-node");
        let scope = Scope::Project(dir.path().to_path_buf());
        let first = claude_code(exe, &scope, false, &Telemetry::Keep(None)).expect("sets up");
        assert!(
            first.iter().all(|line| line.starts_with("updated")),
            "{first:?}"
        );
        let second = claude_code(exe, &scope, false, &Telemetry::Keep(None)).expect("sets up");
        assert!(
            second.iter().all(|line| line.starts_with("unchanged")),
            "{second:?}"
        );
        let mcp: Value = serde_json::from_str(
            &std::fs::read_to_string(dir.path().join(".mcp.json")).expect("file"),
        )
        .expect("json");
        assert_eq!(mcp["mcpServers"]["shim"]["args"][0], "mcp");

        // A private file stays private.
        use std::os::unix::fs::PermissionsExt;
        let private = dir.path().join("private.json");
        std::fs::write(&private, "{}").expect("write");
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert!(claude_desktop(exe, &private).expect("merges"));
        let mode = std::fs::metadata(&private)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);

        std::fs::write(dir.path().join(".mcp.json"), "{ not json").expect("write");
        let error = claude_code(exe, &scope, false, &Telemetry::Keep(None)).expect_err("refuses");
        assert!(format!("{error:#}").contains("not valid JSON"));
        assert_eq!(
            std::fs::read_to_string(dir.path().join(".mcp.json")).expect("file"),
            "{ not json"
        );
    }
}
