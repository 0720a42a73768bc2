//! `shim-node mcp`: the stdio MCP server an assistant launches. Each tool is one request to the node over
//! NATS. When no node answers, it starts `shim-node run` in the background and waits for it.
//!
//! Claude Desktop runs one server for all its chats, so every chat-scoped tool takes an optional
//! `chat_id`; without one the server's own default chat is used (Claude Code runs one server per session,
//! so there the default chat is the session).

use std::{
    path::PathBuf,
    process::Stdio,
    sync::Arc,
    time::{Duration, Instant},
};

use anyhow::Context;
use rmcp::{
    Json, ServerHandler, ServiceExt,
    handler::server::{router::tool::ToolRouter, wrapper::Parameters},
    model::{Implementation, ServerCapabilities, ServerConfig},
    tool, tool_handler, tool_router,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        ActorStatus, HelloReply, HelloRequest, SessionStartReply, SessionStartRequest, StatusReply,
        StatusRequest,
    },
};
use tokio::sync::Mutex;
use tracing::{info, warn};

use crate::{
    config::Config,
    data_dir::DataDir,
    embedded::NatsEndpoint,
    nats::{ClientError, NodeClient, connect},
};

/// How long the MCP server waits for a node it started to answer.
const AUTOSTART_TIMEOUT: Duration = Duration::from_secs(30);

/// Settings of the MCP server beyond the node configuration.
#[derive(Debug, Clone)]
pub struct McpOptions {
    /// Start `shim-node run` in the background when no node answers.
    pub autostart: bool,
    /// The project directory of the default chat (`CLAUDE_PROJECT_DIR`, else the working directory).
    pub project_dir_opt: Option<String>,
    /// The executable to start as the node; default: this one.
    pub node_exe_opt: Option<PathBuf>,
    /// The config file given to this process, passed on to an autostarted node.
    pub config_path_opt: Option<PathBuf>,
}

/// Serves MCP on stdin/stdout until the client closes the connection.
pub async fn serve_stdio(config: Config, options: McpOptions) -> anyhow::Result<()> {
    let server = ShimMcp::new(config, options);
    let warm = server.clone();
    // Find (or start) the node while the client initializes, so the first tool call is fast.
    tokio::spawn(async move {
        if let Err(error) = warm.node().await {
            warn!(%error, "shim node not reachable yet");
        }
    });
    let service = server
        .serve(rmcp::transport::stdio())
        .await
        .context("failed to start the MCP server on stdio")?;
    let reason = service.waiting().await.context("the MCP server failed")?;
    info!(?reason, "MCP client disconnected");
    Ok(())
}

/// The MCP server.
#[derive(Debug, Clone)]
pub struct ShimMcp {
    state: Arc<McpState>,
    tool_router: ToolRouter<ShimMcp>,
}

#[derive(Debug)]
struct McpState {
    config: Config,
    options: McpOptions,
    node: Mutex<Option<NodeClient>>,
    default_chat: Mutex<Option<String>>,
}

/// Arguments of `shim_session_start`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct SessionStartArgs {
    /// Project directory of the chat; defaults to the assistant's project.
    #[serde(default)]
    pub project_dir: Option<String>,
    /// Short name for the chat.
    #[serde(default)]
    pub name: Option<String>,
}

/// Result of `shim_session_start`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SessionStartOutput {
    /// Pass this as `chat_id` to the other shim tools.
    pub chat_id: String,
    /// The node that owns the chat.
    pub node_id: String,
}

/// Arguments of `shim_status`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct StatusArgs {
    /// The chat, from shim_session_start; defaults to this server's chat.
    #[serde(default)]
    pub chat_id: Option<String>,
}

/// Result of `shim_status`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct StatusOutput {
    /// The node's id.
    pub node_id: String,
    /// The chat reported on.
    pub chat_id: String,
    /// The NATS server the node uses.
    pub nats_url: String,
    /// Seconds since the node started.
    pub uptime_s: u64,
    /// Actors in the node's supervision tree.
    pub actors: Vec<ActorOutput>,
}

/// One actor in `shim_status`.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ActorOutput {
    /// Registered name.
    pub name: String,
    /// Kind of actor.
    pub kind: String,
    /// running, restarting or failed.
    pub status: String,
    /// Restarts so far.
    pub restarts: u32,
}

impl From<StatusReply> for StatusOutput {
    fn from(reply: StatusReply) -> Self {
        StatusOutput {
            node_id: reply.node_id,
            chat_id: reply.chat_id.unwrap_or_default(),
            nats_url: reply.nats_url,
            uptime_s: reply.uptime_s,
            actors: reply
                .actors
                .into_iter()
                .map(|actor| ActorOutput {
                    name: actor.name,
                    kind: actor.kind,
                    status: match actor.status {
                        ActorStatus::Running => "running",
                        ActorStatus::Restarting => "restarting",
                        ActorStatus::Failed => "failed",
                    }
                    .to_owned(),
                    restarts: actor.restarts,
                })
                .collect(),
        }
    }
}

#[tool_router(router = tool_router)]
impl ShimMcp {
    /// Returns a server for the node `config` names.
    pub fn new(config: Config, options: McpOptions) -> Self {
        ShimMcp {
            state: Arc::new(McpState {
                config,
                options,
                node: Mutex::new(None),
                default_chat: Mutex::new(None),
            }),
            tool_router: Self::tool_router(),
        }
    }

    #[tool(
        name = "shim_session_start",
        description = "Start a SHIM session for this chat. Returns chat_id: pass it to other shim tools."
    )]
    async fn session_start(
        &self,
        Parameters(args): Parameters<SessionStartArgs>,
    ) -> Result<Json<SessionStartOutput>, String> {
        let reply = self
            .with_node(|node| {
                let (project_dir_opt, name_opt) = (args.project_dir.clone(), args.name.clone());
                async move { self.open_chat(&node, None, project_dir_opt, name_opt).await }
            })
            .await?;
        Ok(Json(SessionStartOutput {
            chat_id: reply.chat_id,
            node_id: reply.node_id,
        }))
    }

    #[tool(
        name = "shim_status",
        description = "SHIM node status: node, chat, NATS server, uptime, actors."
    )]
    async fn status(
        &self,
        Parameters(args): Parameters<StatusArgs>,
    ) -> Result<Json<StatusOutput>, String> {
        let reply: StatusReply = self
            .with_node(|node| {
                let chat_id_opt = args.chat_id.clone();
                async move {
                    let chat_id = self.chat_id(&node, chat_id_opt).await?;
                    let request = StatusRequest {
                        chat_id: Some(chat_id.clone()),
                    };
                    match node.request(NodeOp::Status, &request).await {
                        Err(ClientError::Remote(WireError::NotFound { .. })) => {
                            // The node restarted and no longer knows the chat: this call is its first
                            // contact.
                            self.open_chat(&node, Some(chat_id), None, None).await?;
                            node.request(NodeOp::Status, &request).await
                        }
                        other => other,
                    }
                }
            })
            .await?;
        Ok(Json(reply.into()))
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for ShimMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("shim", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "SHIM guards long sessions. In an app that shares one server across chats, call \
                 shim_session_start once per chat and pass its chat_id to the other shim tools.",
            )
    }
}

impl ShimMcp {
    /// Returns a client for the node, finding it (or starting it) on first use, and again whenever the
    /// connection to NATS is down and autostart is on (the node, and the nats-server it embedded, may
    /// have died with it).
    async fn node(&self) -> anyhow::Result<NodeClient> {
        let mut slot = self.state.node.lock().await;
        if let Some(node) = slot.as_ref() {
            let connected =
                node.nats().connection_state() == async_nats::connection::State::Connected;
            if connected || !self.state.options.autostart {
                return Ok(node.clone());
            }
            warn!("lost the connection to NATS; looking for the node again");
        }
        let node = find_or_start_node(&self.state.config, &self.state.options).await?;
        *slot = Some(node.clone());
        Ok(node)
    }

    /// Forgets the node found earlier and finds (or starts) it again.
    async fn refind_node(&self) -> anyhow::Result<NodeClient> {
        let mut slot = self.state.node.lock().await;
        let node = find_or_start_node(&self.state.config, &self.state.options).await?;
        *slot = Some(node.clone());
        Ok(node)
    }

    /// Runs `call` against the node. When the node found earlier has gone (stopped, crashed) and autostart
    /// is on, a node is found or started again and `call` runs once more; its chats re-attach on contact.
    async fn with_node<T, F, Fut>(&self, call: F) -> Result<T, String>
    where
        F: Fn(NodeClient) -> Fut,
        Fut: std::future::Future<Output = Result<T, ClientError>>,
    {
        let node = self.node().await.map_err(|error| format!("{error:#}"))?;
        let result = call(node.clone()).await;
        // No node answered, or the call timed out because NATS itself went away (an embedded server dies
        // with its node): worth one more try with a node found or started afresh.
        let node_gone = match &result {
            Err(ClientError::NoNode { .. }) => true,
            Err(ClientError::Timeout { .. }) => {
                node.nats().connection_state() != async_nats::connection::State::Connected
            }
            _ => false,
        };
        if !(node_gone && self.state.options.autostart) {
            return result.map_err(|error| error.to_string());
        }
        warn!(node_id = %node.node_id(), "the node went away; starting it again");
        let node = self
            .refind_node()
            .await
            .map_err(|error| format!("{error:#}"))?;
        call(node).await.map_err(|error| error.to_string())
    }

    /// Returns `chat_id_opt`, or this server's default chat, opening it on first use.
    async fn chat_id(
        &self,
        node: &NodeClient,
        chat_id_opt: Option<String>,
    ) -> Result<String, ClientError> {
        if let Some(chat_id) = chat_id_opt {
            return Ok(chat_id);
        }
        let mut default_chat = self.state.default_chat.lock().await;
        if let Some(chat_id) = default_chat.as_ref() {
            return Ok(chat_id.clone());
        }
        let reply = self.open_chat(node, None, None, None).await?;
        *default_chat = Some(reply.chat_id.clone());
        Ok(reply.chat_id)
    }

    /// Opens a chat on the node, or re-attaches to `chat_id_opt`; the project directory defaults to the
    /// assistant's.
    async fn open_chat(
        &self,
        node: &NodeClient,
        chat_id_opt: Option<String>,
        project_dir_opt: Option<String>,
        name_opt: Option<String>,
    ) -> Result<SessionStartReply, ClientError> {
        node.request(
            NodeOp::SessionStart,
            &SessionStartRequest {
                chat_id: chat_id_opt,
                project_dir: project_dir_opt.or_else(|| self.state.options.project_dir_opt.clone()),
                name: name_opt,
                client: Some("mcp".to_owned()),
                claude_pid: None,
            },
        )
        .await
    }
}

/// Connects to NATS and greets the node; when nothing answers and `autostart` is on, starts
/// `shim-node run` in the background and waits for it.
pub async fn find_or_start_node(
    config: &Config,
    options: &McpOptions,
) -> anyhow::Result<NodeClient> {
    let endpoint = NatsEndpoint::parse(&config.nats_url)?;
    let first = try_node(config).await;
    let error = match first {
        Ok(node) => return Ok(node),
        Err(error) => error,
    };
    if !options.autostart {
        return Err(error.context("no shim-node answers and --no-autostart is set"));
    }
    if !endpoint.is_local()
        && !matches!(
            error.downcast_ref::<ClientError>(),
            Some(ClientError::NoNode { .. })
        )
    {
        return Err(error.context(format!("cannot reach NATS at {}", config.nats_url)));
    }
    let log = spawn_node(config, options)?;
    info!(log = %log.display(), "started shim-node in the background");
    let deadline = Instant::now() + AUTOSTART_TIMEOUT;
    loop {
        match try_node(config).await {
            Ok(node) => return Ok(node),
            Err(error) if Instant::now() >= deadline => {
                let tail = std::fs::read_to_string(&log).unwrap_or_default();
                let tail: Vec<&str> = tail.lines().rev().take(8).collect();
                let tail: Vec<&str> = tail.into_iter().rev().collect();
                return Err(error.context(format!(
                    "started shim-node but it did not answer within {}s; its log {} ends with:\n{}",
                    AUTOSTART_TIMEOUT.as_secs(),
                    log.display(),
                    tail.join("\n")
                )));
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
        }
    }
}

async fn try_node(config: &Config) -> anyhow::Result<NodeClient> {
    let client = connect(&config.nats_url, "shim-node mcp", false, None)
        .await
        .with_context(|| format!("cannot reach NATS at {}", config.nats_url))?;
    let node = NodeClient::new(client, config.node_id.clone(), config.request_timeout());
    let hello: HelloReply = node
        .request(
            NodeOp::Hello,
            &HelloRequest {
                client: "shim-node mcp".to_owned(),
            },
        )
        .await?;
    info!(node_id = %hello.node_id, version = %hello.version, "found shim-node");
    Ok(node)
}

fn spawn_node(config: &Config, options: &McpOptions) -> anyhow::Result<PathBuf> {
    let exe = match &options.node_exe_opt {
        Some(exe) => exe.clone(),
        None => std::env::current_exe().context("cannot find this program to start the node")?,
    };
    let data_dir = DataDir::new(&config.data_dir);
    std::fs::create_dir_all(data_dir.logs_dir())
        .with_context(|| format!("failed to create {}", data_dir.logs_dir().display()))?;
    let log_path = data_dir.node_log();
    let log = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log_path)
        .with_context(|| format!("failed to open {}", log_path.display()))?;
    let mut command = std::process::Command::new(&exe);
    if let Some(path) = &options.config_path_opt {
        command.arg("--config").arg(path);
    }
    command
        .arg("run")
        .arg("--nats-url")
        .arg(&config.nats_url)
        .arg("--data-dir")
        .arg(&config.data_dir)
        .arg("--node-id")
        .arg(&config.node_id)
        .arg("--metrics-addr")
        .arg(
            config
                .metrics_addr
                .map_or_else(|| "off".to_owned(), |addr| addr.to_string()),
        )
        .stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log);
    // Its own process group: the node outlives this MCP server and the terminal's Ctrl-C.
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .with_context(|| format!("failed to start {} run", exe.display()))?;
    // Reap it if it exits while this server runs, so it does not linger as a zombie.
    std::thread::spawn(move || child.wait());
    Ok(log_path)
}
