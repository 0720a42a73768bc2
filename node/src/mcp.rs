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
pub mod jsonrpc;
pub mod stdio;
pub mod tool_list;
pub mod tools;

use rmcp::{
    ServerHandler, ServiceExt,
    handler::server::router::tool::ToolRouter,
    model::{Implementation, ServerCapabilities, ServerConfig},
    tool_handler,
};
use shim_protocol::{
    NodeOp, WireError,
    messages::{
        HelloReply, HelloRequest, RiskReport, SessionStartReply, SessionStartRequest, SignalBatch,
        SignalEvent, SignalSource,
    },
};
use tokio::sync::Mutex;
use tracing::{debug, info, warn};

use crate::{
    config::Config,
    data_dir::DataDir,
    embedded::NatsEndpoint,
    nats::{ClientError, NatsAuth, NodeClient, connect_with},
};

/// How often the MCP server tells the registry its chats are alive.
const HEARTBEAT_INTERVAL: Duration = Duration::from_secs(10);

/// Most ended chats remembered; past this the memory starts over.
const MAX_ENDED: usize = 10_000;

/// Most chats with danger advice waiting for their next tool result; past this the memory starts over.
const MAX_WAITING_ADVICE: usize = 10_000;

/// How long the tool-call signals of a chat gather before they go out as one batch: short beside anything a
/// model or a person does, long beside a tool call (a busy client's calls then cost the node one signal
/// request, not one each).
const SIGNAL_BATCH_WINDOW: Duration = Duration::from_millis(10);

/// Longest the server waits at exit for the tool-call batches still on their way to the node.
const EXIT_PATIENCE: Duration = Duration::from_secs(2);

/// Most tool-call events in one batch; a call beyond it (thousands of calls in one window) is not reported.
const MAX_BATCH_EVENTS: usize = 1_000;

/// How long the MCP server waits for a node it started to answer.
const AUTOSTART_TIMEOUT: Duration = Duration::from_secs(30);
/// How long after the node it started exited a server still waits for a node to answer (another one starting
/// at the same moment).
const EXITED_GRACE: Duration = Duration::from_secs(2);

/// Settings of the MCP server beyond the node configuration.
#[derive(Debug, Clone)]
pub struct McpOptions {
    /// Start `shim-node run` in the background when no node answers.
    pub autostart: bool,
    /// The project directory of the default chat (`CLAUDE_PROJECT_DIR`, else the working directory).
    pub project_dir_opt: Option<String>,
    /// The config file given to this process, passed on to an autostarted node.
    pub config_path_opt: Option<PathBuf>,
    /// The Claude Code process this server runs under, when it does: its hooks opened the session's chat.
    pub claude_pid_opt: Option<u32>,
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
    // Heartbeat the chats this server speaks for, so the registry sees them as present.
    let beating = server.clone();
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(HEARTBEAT_INTERVAL);
        loop {
            ticks.tick().await;
            beating.heartbeat_all().await;
        }
    });
    let flushed = server.clone();
    let (input, output) = stdio::streams();
    let transport = stdio::LineTransport::new(input, output);
    let written = transport.written();
    let served = async {
        let service = server
            .serve(transport)
            .await
            .context("failed to start the MCP server on stdio")?;
        service.waiting().await.context("the MCP server failed")
    }
    .await;
    // Whatever was answered reaches the client before the process ends, even when the session failed.
    written.wait().await;
    // The tool calls of the last moments still reach the node.
    flushed.flush_signals().await;
    let reason = served?;
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
    /// Chats this server speaks for, heartbeated to the registry.
    chats: std::sync::Mutex<std::collections::BTreeSet<String>>,
    /// Chats ended through this server (`shim_end_session`): never heartbeated or spoken for again.
    ended: std::sync::Mutex<std::collections::BTreeSet<String>>,
    /// Chats this server opened (`session.start`): the only ones it opens again by itself, when the node
    /// forgot them. A chat the model merely named is not among them.
    opened: std::sync::Mutex<std::collections::BTreeSet<String>>,
    /// The secrets of the chats this server opened (their `session.start` replies): what their operations
    /// carry, so that only this server acts for them.
    secrets: std::sync::Mutex<std::collections::HashMap<String, String>>,
    /// What the task tools learned of each chat: its role and capabilities, sent with its heartbeats.
    profiles: std::sync::Mutex<std::collections::HashMap<String, ChatProfile>>,
    /// Danger advice a tool-call signal brought back after its tool had answered, waiting for the chat's next
    /// tool result.
    advice: std::sync::Mutex<std::collections::HashMap<String, String>>,
    /// Tool-call signals gathering for their batch, by chat.
    signals: std::sync::Mutex<std::collections::HashMap<String, Vec<SignalEvent>>>,
    /// The batches on their way to the node; the server waits for them before it exits.
    sending: std::sync::Mutex<tokio::task::JoinSet<()>>,
}

/// A chat's role and capabilities, as its use of the task tools shows them.
#[derive(Debug, Clone, Default, PartialEq)]
struct ChatProfile {
    role: Option<shim_protocol::messages::ChatRole>,
    capabilities: Option<Vec<String>>,
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for ShimMcp {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(Implementation::new("shim", env!("CARGO_PKG_VERSION")))
            .with_instructions(
                "SHIM guards long sessions. In an app that shares one server across chats, call \
                 shim_session_start once per chat and pass its chat_id to the other shim tools. At the \
                 start of a session call shim_check_resume; checkpoint with shim_checkpoint at milestones.",
            )
    }
}

impl ShimMcp {
    /// Returns a server for the node `config` names.
    pub fn new(config: Config, options: McpOptions) -> Self {
        ShimMcp {
            state: Arc::new(McpState {
                config,
                options,
                node: Mutex::new(None),
                default_chat: Mutex::new(None),
                chats: std::sync::Mutex::new(std::collections::BTreeSet::new()),
                ended: std::sync::Mutex::new(std::collections::BTreeSet::new()),
                opened: std::sync::Mutex::new(std::collections::BTreeSet::new()),
                profiles: std::sync::Mutex::new(std::collections::HashMap::new()),
                secrets: std::sync::Mutex::new(std::collections::HashMap::new()),
                advice: std::sync::Mutex::new(std::collections::HashMap::new()),
                signals: std::sync::Mutex::new(std::collections::HashMap::new()),
                sending: std::sync::Mutex::new(tokio::task::JoinSet::new()),
            }),
            tool_router: tools::router(),
        }
    }

    /// Adds a chat to those this server heartbeats; true when it is new.
    fn remember_chat(&self, chat_id: &str) -> bool {
        self.state
            .chats
            .lock()
            .map(|mut chats| chats.insert(chat_id.to_owned()))
            .unwrap_or(false)
    }

    /// Returns true when `chat_id` was ended through this server.
    fn is_ended(&self, chat_id: &str) -> bool {
        self.state
            .ended
            .lock()
            .map(|ended| ended.contains(chat_id))
            .unwrap_or(false)
    }

    /// Stops speaking for `chat_id` (its session ends): no more heartbeats, and a later use of its id is refused.
    fn end_chat(&self, chat_id: &str) {
        if let Ok(mut ended) = self.state.ended.lock() {
            if ended.len() >= MAX_ENDED {
                ended.clear();
            }
            ended.insert(chat_id.to_owned());
        }
        if let Ok(mut chats) = self.state.chats.lock() {
            chats.remove(chat_id);
        }
        if let Ok(mut profiles) = self.state.profiles.lock() {
            profiles.remove(chat_id);
        }
    }

    /// Takes back [`Self::end_chat`] when the node did not end the chat after all.
    fn unend_chat(&self, chat_id: &str, known: bool) {
        if let Ok(mut ended) = self.state.ended.lock() {
            ended.remove(chat_id);
        }
        if known {
            self.remember_chat(chat_id);
        }
    }

    /// Returns true when this server opened `chat_id` itself.
    fn opened_chat(&self, chat_id: &str) -> bool {
        self.state
            .opened
            .lock()
            .map(|opened| opened.contains(chat_id))
            .unwrap_or(false)
    }

    /// Returns true when this server opened `chat_id` or spoke for it.
    fn knows_chat(&self, chat_id: &str) -> bool {
        self.state
            .chats
            .lock()
            .map(|chats| chats.contains(chat_id))
            .unwrap_or(false)
    }

    /// Remembers a chat this server speaks for and heartbeats it at once.
    async fn register_chat(&self, node: &NodeClient, chat_id: &str) {
        if self.remember_chat(chat_id) {
            self.heartbeat(node, chat_id).await;
        }
    }

    /// Records a chat's role (and capabilities, when given), heartbeats the chat from now on, and tells the
    /// registry at once when something changed.
    async fn set_profile(
        &self,
        node: &NodeClient,
        chat_id: &str,
        role: shim_protocol::messages::ChatRole,
        capabilities: Option<Vec<String>>,
    ) {
        let changed = self
            .state
            .profiles
            .lock()
            .map(|mut profiles| {
                let profile = profiles.entry(chat_id.to_owned()).or_default();
                let before = profile.clone();
                profile.role = Some(role);
                if capabilities.is_some() {
                    profile.capabilities = capabilities;
                }
                *profile != before
            })
            .unwrap_or(false);
        // A chat taking part in the queue is heartbeated from now on, whoever opened it.
        let new = self.remember_chat(chat_id);
        if changed || new {
            self.heartbeat(node, chat_id).await;
        }
    }

    /// Returns `node` acting for `chat_id`: its requests carry the chat's secret when this server opened it
    /// (and none otherwise: a chat opened elsewhere is not this server's to act for).
    pub(crate) fn acting_for(&self, node: &NodeClient, chat_id: &str) -> NodeClient {
        let secret_opt = self
            .state
            .secrets
            .lock()
            .ok()
            .and_then(|secrets| secrets.get(chat_id).cloned());
        node.with_chat_secret(secret_opt.as_deref())
    }

    async fn heartbeat(&self, node: &NodeClient, chat_id: &str) {
        if self.is_ended(chat_id) {
            return;
        }
        let node = &self.acting_for(node, chat_id);
        let profile = self
            .state
            .profiles
            .lock()
            .ok()
            .and_then(|profiles| profiles.get(chat_id).cloned())
            .unwrap_or_default();
        let request = shim_protocol::messages::HeartbeatRequest {
            chat_id: chat_id.to_owned(),
            role: profile.role,
            capabilities: profile.capabilities,
            ..Default::default()
        };
        match node
            .request::<_, shim_protocol::messages::ChatEntry>(NodeOp::ChatHeartbeat, &request)
            .await
        {
            Ok(_) => {}
            // Its session ended elsewhere (the SessionEnd hook of `/clear`, `shim-node` on another node): this
            // server stops speaking for it, as after `shim_end_session`.
            Err(ClientError::Remote(WireError::NotFound { .. })) => {
                info!(%chat_id, "the chat's session ended: no more heartbeats for it");
                self.end_chat(chat_id);
            }
            Err(error) => debug!(%chat_id, %error, "heartbeat not recorded"),
        }
    }

    /// Heartbeats every chat this server speaks for (when a node is known).
    async fn heartbeat_all(&self) {
        let chats: Vec<String> = self
            .state
            .chats
            .lock()
            .map(|chats| chats.iter().cloned().collect())
            .unwrap_or_default();
        if chats.is_empty() {
            return;
        }
        let node_opt = self.state.node.lock().await.clone();
        if let Some(node) = node_opt {
            for chat_id in chats {
                self.heartbeat(&node, &chat_id).await;
            }
        }
    }

    /// Returns the project directory of this server's chats.
    fn project_dir(&self) -> Option<String> {
        self.state.options.project_dir_opt.clone()
    }

    /// Reports a finished SHIM tool call as a signal, in the background: the tool's answer does not wait for
    /// it. The calls of a chat within [`SIGNAL_BATCH_WINDOW`] go together, as one batch of tool-call events.
    /// When the node's reply carries the danger advice, it waits for the chat's next tool result
    /// ([`Self::take_advice`]).
    fn track(&self, node: &NodeClient, chat_id: &str, tool: &str, ok: bool, started: Instant) {
        let event = SignalEvent::ToolCall {
            tool: tool.to_owned(),
            ok,
            duration_ms: Some(started.elapsed().as_millis() as u64),
            arguments: None,
            result: None,
        };
        let first = match self.state.signals.lock() {
            Ok(mut pending) => {
                let events = pending.entry(chat_id.to_owned()).or_default();
                if events.len() >= MAX_BATCH_EVENTS {
                    debug!(%chat_id, "tool-call signal dropped: the batch is full");
                    return;
                }
                events.push(event);
                events.len() == 1
            }
            Err(_) => return,
        };
        if !first {
            // A batch is already on its way out: this call goes with it.
            return;
        }
        // The batch acts for the chat: it carries the chat's secret, which the node checks.
        let (server, node, chat_id) = (
            self.clone(),
            self.acting_for(node, chat_id),
            chat_id.to_owned(),
        );
        let Ok(mut sending) = self.state.sending.lock() else {
            return;
        };
        // Batches already sent are let go of here, so the set holds one entry per chat at most.
        while sending.try_join_next().is_some() {}
        // Bounded: one wait of the window, then one request within the node client's request timeout.
        sending.spawn(async move {
            tokio::time::sleep(SIGNAL_BATCH_WINDOW).await;
            let events = server
                .state
                .signals
                .lock()
                .ok()
                .and_then(|mut pending| pending.remove(&chat_id))
                .unwrap_or_default();
            let batch = SignalBatch {
                chat_id,
                source: SignalSource::Mcp,
                at_ms: shim_actors::now_ms(),
                events,
                transcript_path: None,
                prompt: None,
                trigger: None,
            };
            match node.request::<_, RiskReport>(NodeOp::Signals, &batch).await {
                Ok(RiskReport {
                    advice: Some(advice),
                    ..
                }) => server.hold_advice(&batch.chat_id, advice),
                Ok(_) => {}
                Err(error) => {
                    warn!(%error, chat_id = %batch.chat_id, "failed to report tool calls")
                }
            }
        });
    }

    /// Waits for the tool-call batches on their way to the node, for at most [`EXIT_PATIENCE`] after the batch
    /// window: enough for a batch to be sent and, from a node that is up, answered; a node that does not answer
    /// does not hold the client's exit up.
    async fn flush_signals(&self) {
        let Ok(mut sending) = self
            .state
            .sending
            .lock()
            .map(|mut set| std::mem::take(&mut *set))
        else {
            return;
        };
        let patience = SIGNAL_BATCH_WINDOW + EXIT_PATIENCE.min(self.state.config.request_timeout());
        let all = async { while sending.join_next().await.is_some() {} };
        if tokio::time::timeout(patience, all).await.is_err() {
            warn!("tool-call signals still unsent when the MCP server stopped");
        }
    }

    /// Keeps `advice` for the chat's next tool result.
    fn hold_advice(&self, chat_id: &str, advice: String) {
        if let Ok(mut waiting) = self.state.advice.lock() {
            if waiting.len() >= MAX_WAITING_ADVICE && !waiting.contains_key(chat_id) {
                waiting.clear();
            }
            waiting.insert(chat_id.to_owned(), advice);
        }
    }

    /// Takes the danger advice waiting for `chat_id`, if any: it is handed out once.
    fn take_advice(&self, chat_id: &str) -> Option<String> {
        self.state
            .advice
            .lock()
            .ok()
            .and_then(|mut waiting| waiting.remove(chat_id))
    }

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

    /// Returns `chat_id_opt`, or this server's default chat, opening it on first use. A chat ended through this
    /// server is refused: it stays ended.
    async fn chat_id(
        &self,
        node: &NodeClient,
        chat_id_opt: Option<String>,
    ) -> Result<String, ClientError> {
        let chat_id = self.chat_id_even_ended(node, chat_id_opt).await?;
        if self.is_ended(&chat_id) {
            return Err(ClientError::Remote(WireError::bad_request(format!(
                "chat {chat_id} ended (shim_end_session, or its session's end); open a new chat with shim_session_start"
            ))));
        }
        Ok(chat_id)
    }

    /// `chat_id_opt`, else this server's chat when it has opened one and not ended it (nothing is opened).
    async fn open_chat_or(&self, chat_id_opt: Option<String>) -> Option<String> {
        match chat_id_opt {
            Some(chat_id) => Some(chat_id),
            None => self
                .state
                .default_chat
                .lock()
                .await
                .clone()
                .filter(|chat_id| !self.is_ended(chat_id)),
        }
    }

    /// [`Self::chat_id`], ended or not.
    async fn chat_id_even_ended(
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
        let given = project_dir_opt.is_some();
        let request = SessionStartRequest {
            chat_id: chat_id_opt,
            project_dir: project_dir_opt.or_else(|| self.state.options.project_dir_opt.clone()),
            name: name_opt,
            client: Some(
                if self.state.options.claude_pid_opt.is_some() {
                    "claude-code"
                } else {
                    "mcp"
                }
                .to_owned(),
            ),
            claude_pid: self.state.options.claude_pid_opt,
            // This server speaks for the chat: once it has exited, the node beside it recovers the chat.
            process: Some(shim_actors::process::this()),
        };
        // Re-attaching to a chat this server opened presents its secret.
        let node = &match &request.chat_id {
            Some(chat_id) => self.acting_for(node, chat_id),
            None => node.clone(),
        };
        let reply: SessionStartReply = match node.request(NodeOp::SessionStart, &request).await {
            // The assistant's working directory is not one the node may read (not the user's): the chat
            // opens without a project. A project_dir the caller named is refused as it stands.
            Err(ClientError::Remote(WireError::BadRequest { .. }))
                if !given && request.project_dir.is_some() =>
            {
                let without = SessionStartRequest {
                    project_dir: None,
                    ..request
                };
                node.request(NodeOp::SessionStart, &without).await?
            }
            other => other?,
        };
        if let (Some(secret), Ok(mut secrets)) = (&reply.chat_secret, self.state.secrets.lock()) {
            secrets.insert(reply.chat_id.clone(), secret.clone());
        }
        if let Ok(mut opened) = self.state.opened.lock() {
            opened.insert(reply.chat_id.clone());
        }
        self.register_chat(node, &reply.chat_id).await;
        Ok(reply)
    }
}

/// Connects to NATS and greets the node; when nothing answers and `autostart` is on, starts
/// `shim-node run` in the background and waits for it.
pub async fn find_or_start_node(
    config: &Config,
    options: &McpOptions,
) -> anyhow::Result<NodeClient> {
    // A node started here can start its own server only for a single local one; for a remote server or a
    // cluster, only a node that is missing on a NATS that answers is worth starting.
    let embeddable = NatsEndpoint::embeddable(&config.nats_url)?.is_some();
    let first = try_node(config).await;
    let error = match first {
        Ok(node) => return Ok(node),
        Err(error) => error,
    };
    if !options.autostart {
        return Err(error.context("no shim-node answers and --no-autostart is set"));
    }
    if !embeddable
        && !matches!(
            error.downcast_ref::<ClientError>(),
            Some(ClientError::NoNode { .. })
        )
    {
        return Err(error.context(format!("cannot reach NATS at {}", config.nats_url)));
    }
    let (log, exit) = spawn_node(config, options)?;
    info!(log = %log.display(), "started shim-node in the background");
    let deadline = Instant::now() + AUTOSTART_TIMEOUT;
    let log_tail = || {
        let tail = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = tail.lines().rev().take(8).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        tail.join("\n")
    };
    let mut exited_at_opt = None;
    loop {
        match try_node(config).await {
            Ok(node) => return Ok(node),
            Err(error) if Instant::now() >= deadline => {
                return Err(error.context(format!(
                    "started shim-node but it did not answer within {}s; its log {} ends with:\n{}",
                    AUTOSTART_TIMEOUT.as_secs(),
                    log.display(),
                    log_tail()
                )));
            }
            Err(error) => {
                // A node that exited (a setting it refuses, a port taken) will not answer: say so now rather
                // than after the whole wait, which a SessionStart hook spent at every compaction. Another
                // node starting at the same moment (it may be why this one exited) gets a moment to answer.
                if let Some(status) = exit.get() {
                    let exited_at = *exited_at_opt.get_or_insert_with(Instant::now);
                    if exited_at.elapsed() >= EXITED_GRACE {
                        return Err(error.context(format!(
                            "started shim-node but it exited ({status}); its log {} ends with:\n{}",
                            log.display(),
                            log_tail()
                        )));
                    }
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

async fn try_node(config: &Config) -> anyhow::Result<NodeClient> {
    let auth = NatsAuth::of(config)?;
    let client = connect_with(&config.nats_url, "shim-node mcp", false, None, &auth)
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

/// Starts `shim-node run` in the background; returns its log and how it exited, once it has.
fn spawn_node(
    config: &Config,
    options: &McpOptions,
) -> anyhow::Result<(PathBuf, Arc<std::sync::OnceLock<String>>)> {
    let exe = std::env::current_exe().context("cannot find this program to start the node")?;
    let data_dir = DataDir::new(&config.data_dir);
    crate::data_dir::private_dir(&data_dir.logs_dir())
        .with_context(|| format!("failed to create {}", data_dir.logs_dir().display()))?;
    let log_path = data_dir.node_log();
    let log = crate::data_dir::private_file()
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
        .arg("--otlp-addr")
        .arg(
            config
                .otlp_addr
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
    // Reap it if it exits while this server runs, so it does not linger as a zombie, and keep how it ended.
    let exit = Arc::new(std::sync::OnceLock::new());
    let exited = exit.clone();
    std::thread::spawn(move || {
        let status = match child.wait() {
            Ok(status) => status.to_string(),
            Err(error) => format!("its end could not be read: {error}"),
        };
        let _ = exited.set(status);
    });
    Ok((log_path, exit))
}
