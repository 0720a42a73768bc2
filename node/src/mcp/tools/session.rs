//! Session tools: open a chat, check that SHIM is up, end a chat.

use std::time::Instant;

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use schemars::JsonSchema;
use serde::Serialize;
use serde_json::{Map, Value};
use shim_protocol::{
    NodeOp,
    messages::{
        SessionEndReply, SessionEndRequest, SessionStartReply, SessionStartRequest, StatusReply,
        StatusRequest,
    },
};

use super::{Advised, Args, ChatArg, Scope, ToolArgs, describe};
use crate::{mcp::ShimMcp, nats::ClientError};

impl ToolArgs for SessionStartRequest {
    const CHAT: ChatArg = ChatArg::None;
    // The server opens a new chat (no re-attach), for its client and Claude Code process.
    const HIDDEN: &'static [&'static str] = &["chat_id", "client", "claude_pid", "process"];

    fn adjust(properties: &mut Map<String, Value>) {
        describe(
            properties,
            "project_dir",
            "Project directory of the chat; defaults to the assistant's project.",
        );
    }
}

impl ToolArgs for StatusRequest {
    const CHAT: ChatArg = ChatArg::Optional;

    fn with_chat(self, chat_id: String) -> Self {
        StatusRequest {
            chat_id: Some(chat_id),
        }
    }
}

impl ToolArgs for SessionEndRequest {
    const CHAT: ChatArg = ChatArg::Optional;
    const CHAT_FIELD: Option<&'static str> = Some("chat_id");
    // The server says why: `shim_end_session`.
    const HIDDEN: &'static [&'static str] = &["reason", "claude_pid"];

    fn with_chat(self, chat_id: String) -> Self {
        SessionEndRequest {
            chat_id,
            reason: Some("shim_end_session".to_owned()),
            claude_pid: None,
        }
    }
}

/// Result of `shim_end_session`: the wire reply, and `ended` (always true), which the tool has promised
/// since its first release.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Ended {
    /// The reply.
    #[serde(flatten)]
    pub reply: SessionEndReply,
    /// Always true.
    pub ended: bool,
}

#[tool_router(router = session_router, vis = "pub(in crate::mcp)")]
impl ShimMcp {
    #[tool(
        name = "shim_session_start",
        description = "In an app that shares one SHIM server across chats (Claude Desktop), call once per chat; pass the chat_id it returns to the other shim tools."
    )]
    async fn session_start(
        &self,
        Parameters(args): Parameters<Args<SessionStartRequest>>,
    ) -> Result<Json<SessionStartReply>, String> {
        let request = args.request;
        let reply = self
            .request(Scope::Node, |call| {
                let (project_dir_opt, name_opt) =
                    (request.project_dir.clone(), request.name.clone());
                async move {
                    self.open_chat(&call.node, None, project_dir_opt, name_opt)
                        .await
                }
            })
            .await?;
        // The secret stays with this server, which carries it on the chat's requests; the model never sees it.
        Ok(Json(SessionStartReply {
            chat_secret: None,
            ..reply
        }))
    }

    #[tool(
        name = "shim_status",
        description = "Check that SHIM is up (node, chat, NATS, uptime, actors), e.g. when a shim tool fails or to learn your chat_id."
    )]
    async fn status(
        &self,
        Parameters(args): Parameters<Args<StatusRequest>>,
    ) -> Result<Json<Advised<StatusReply>>, String> {
        let started = Instant::now();
        let (node, chat_id, reply) = self
            .request(Scope::Chat(args.chat_id_opt), |call| async move {
                let request = StatusRequest {
                    chat_id: Some(call.chat_id.clone()),
                };
                let reply: StatusReply = self
                    .first_contact(&call.node, &call.chat_id, || {
                        call.node.request(NodeOp::Status, &request)
                    })
                    .await?;
                Ok((call.node, call.chat_id, reply))
            })
            .await?;
        self.track(&node, &chat_id, "shim_status", true, started);
        Ok(Json(Advised {
            reply,
            advice: self.take_advice(&chat_id),
        }))
    }

    #[tool(
        name = "shim_end_session",
        description = "When the work in this chat is done: end it cleanly, so it is not offered for resuming."
    )]
    async fn end_session(
        &self,
        Parameters(args): Parameters<Args<SessionEndRequest>>,
    ) -> Result<Json<Ended>, String> {
        let reply: SessionEndReply = self
            // Ending an ended chat again is answered as the first end was.
            .request(Scope::AnyChat(args.chat_id_opt.clone()), |call| {
                let request = args.request.clone().with_chat(call.chat_id.clone());
                async move {
                    let (node, chat_id) = (call.node, call.chat_id);
                    let was_ended = self.is_ended(&chat_id);
                    let was_known = self.knows_chat(&chat_id);
                    // Stop heartbeating first, so no heartbeat brings the chat back after the node ended it.
                    self.end_chat(&chat_id);
                    let mut reply: Result<SessionEndReply, ClientError> =
                        node.request(NodeOp::SessionEnd, &request).await;
                    let forgotten = matches!(&reply, Err(ClientError::Remote(error)) if error.is_unknown_chat());
                    if forgotten && (was_known || was_ended) {
                        // The node restarted and forgot the chat: open it under its id, then end it.
                        reply = match self.open_chat(&node, Some(chat_id.clone()), None, None).await {
                            Ok(_) => node.request(NodeOp::SessionEnd, &request).await,
                            Err(error) => Err(error),
                        };
                        self.end_chat(&chat_id);
                    }
                    if reply.is_err() && !was_ended {
                        self.unend_chat(&chat_id, was_known);
                    }
                    reply
                }
            })
            .await?;
        Ok(Json(Ended { reply, ended: true }))
    }
}

impl ShimMcp {
    /// Runs `request`; when the node does not know the chat (it restarted), opens the chat under its id,
    /// which is its first contact, and runs `request` again.
    pub(super) async fn first_contact<T, F, Fut>(
        &self,
        node: &crate::nats::NodeClient,
        chat_id: &str,
        request: F,
    ) -> Result<T, ClientError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
    {
        match request().await {
            // Only a chat this server opened comes back on its own (the node restarted); an id it never
            // opened is an error, not a new chat. A chat the model named in a call (another chat's, whose
            // Claude Code has exited) would otherwise be opened here as this session's resume of it.
            Err(ClientError::Remote(error))
                if error.is_unknown_chat() && self.opened_chat(chat_id) =>
            {
                self.open_chat(node, Some(chat_id.to_owned()), None, None)
                    .await?;
                request().await
            }
            other => other,
        }
    }
}
