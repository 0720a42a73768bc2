//! One [`ChatWorker`] per open chat: it owns the chat's state on this node and stops itself when the
//! chat idles out. Later components (signals, checkpoints) hang off it.

use std::time::{Duration, Instant};

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};
use shim_protocol::messages::ChatInfo;
use tracing::{debug, info};

use crate::now_ms;

/// Exit reason a worker gives when it stops because the chat went idle.
pub const IDLE_EXIT_REASON: &str = "idle";

/// What a chat is, kept by the supervisor so a restarted worker comes back as the same chat.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatSpec {
    /// The chat's id (valid as a subject token).
    pub chat_id: String,
    /// Human name, if given.
    pub name: Option<String>,
    /// Project directory, if given.
    pub project_dir: Option<String>,
    /// The client that opened it.
    pub client: Option<String>,
    /// The Claude Code process it runs in, when known.
    pub claude_pid: Option<u32>,
    /// When the chat started, milliseconds since the Unix epoch.
    pub started_at_ms: u64,
}

/// Arguments of [`ChatWorker`].
#[derive(Debug, Clone)]
pub struct ChatWorkerArgs {
    /// The chat.
    pub spec: ChatSpec,
    /// Silence after which the worker stops itself.
    pub idle_timeout: Duration,
    /// How often it checks for idleness.
    pub idle_check_interval: Duration,
}

/// Messages a [`ChatWorker`] handles.
#[derive(Debug)]
pub enum ChatWorkerMessage {
    /// Returns the chat's info; counts as activity.
    GetInfo(RpcReplyPort<ChatInfo>),
    /// Stops the worker if the chat has been idle for longer than its timeout.
    CheckIdle,
    /// Makes the handler fail, to exercise supervision in tests.
    #[cfg(any(test, feature = "testsuite"))]
    Fail(String),
}

/// Mutable state of a [`ChatWorker`].
#[derive(Debug)]
pub struct ChatWorkerState {
    info: ChatInfo,
    last_active: Instant,
    idle_timeout: Duration,
}

/// The per-chat actor.
#[derive(Debug, Default)]
pub struct ChatWorker;

impl ChatWorker {
    /// Returns the name a chat's worker is registered under: `chat_worker.<chat_id>`.
    pub fn actor_name(chat_id: &str) -> String {
        format!("chat_worker.{chat_id}")
    }
}

impl Actor for ChatWorker {
    type Msg = ChatWorkerMessage;
    type State = ChatWorkerState;
    type Arguments = ChatWorkerArgs;

    async fn pre_start(
        &self,
        myself: ActorRef<Self::Msg>,
        args: ChatWorkerArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        myself.send_interval(args.idle_check_interval, || ChatWorkerMessage::CheckIdle);
        debug!(chat_id = %args.spec.chat_id, "chat worker started");
        let now = now_ms();
        Ok(ChatWorkerState {
            info: ChatInfo {
                chat_id: args.spec.chat_id,
                name: args.spec.name,
                project_dir: args.spec.project_dir,
                client: args.spec.client,
                started_at_ms: args.spec.started_at_ms,
                last_active_ms: now,
                requests: 0,
            },
            last_active: Instant::now(),
            idle_timeout: args.idle_timeout,
        })
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: Self::Msg,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            ChatWorkerMessage::GetInfo(reply) => {
                state.last_active = Instant::now();
                state.info.last_active_ms = now_ms();
                state.info.requests += 1;
                // The caller may have timed out and dropped the port; nothing to do then.
                let _ = reply.send(state.info.clone());
            }
            ChatWorkerMessage::CheckIdle => {
                if state.last_active.elapsed() >= state.idle_timeout {
                    info!(chat_id = %state.info.chat_id, idle_s = state.idle_timeout.as_secs(), "chat idled out");
                    myself.stop(Some(IDLE_EXIT_REASON.to_owned()));
                }
            }
            #[cfg(any(test, feature = "testsuite"))]
            ChatWorkerMessage::Fail(reason) => return Err(reason.into()),
        }
        Ok(())
    }
}
