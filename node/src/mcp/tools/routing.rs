//! Model-routing tools: the cheapest capable tier for a prompt, and the user's overrides. The router is a
//! service any node answers.

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use serde_json::{Map, Value};
use shim_protocol::{
    messages::{OverrideReply, OverrideRequest, RouteReply, RouteRequest},
    subject,
};

use super::{Args, ChatArg, Scope, ToolArgs, choice, describe};
use crate::mcp::ShimMcp;

/// The tiers, as the router names them.
const TIERS: [&str; 3] = ["haiku", "sonnet", "opus"];

// The chat a prompt is routed or overridden for: the one named, else this server's chat when it has one
// open (a route never opens a chat). Its prompts are routed with its routing parameters (the Kaizen loop's
// variants), and its overrides count in its session's override rate.
impl ToolArgs for RouteRequest {
    const CHAT: ChatArg = ChatArg::Optional;
    const CHAT_FIELD: Option<&'static str> = Some("chat_id");

    fn adjust(properties: &mut Map<String, Value>) {
        describe(
            properties,
            "strategy",
            "balanced (default): the tier it needs; quality: one up when unsure; cost: one down when sure.",
        );
        choice(properties, "strategy", &["balanced", "quality", "cost"]);
    }
}

impl ToolArgs for OverrideRequest {
    const CHAT: ChatArg = ChatArg::Optional;
    const CHAT_FIELD: Option<&'static str> = Some("chat_id");

    fn adjust(properties: &mut Map<String, Value>) {
        choice(properties, "recommended", &TIERS);
        choice(properties, "chosen", &TIERS);
    }
}

#[tool_router(router = routing_router, vis = "pub(in crate::mcp)")]
impl ShimMcp {
    #[tool(
        name = "shim_route_model",
        description = "When choosing a model for a prompt or a subtask: the cheapest capable tier (haiku/sonnet/opus), with cost. @opus etc. in the prompt force a tier."
    )]
    async fn route_model(
        &self,
        Parameters(args): Parameters<Args<RouteRequest>>,
    ) -> Result<Json<RouteReply>, String> {
        let request = RouteRequest {
            chat_id: self.open_chat_or(args.chat_id_opt).await,
            ..args.request
        };
        let reply = self
            .request(Scope::Node, |call| {
                let request = request.clone();
                async move {
                    call.node
                        .request_service(subject::ROUTER_ROUTE, &request)
                        .await
                }
            })
            .await?;
        Ok(Json(reply))
    }

    #[tool(
        name = "shim_record_override",
        description = "When the user picks another tier than shim_route_model recommended: record it; SHIM learns from consistent choices."
    )]
    async fn record_override(
        &self,
        Parameters(args): Parameters<Args<OverrideRequest>>,
    ) -> Result<Json<OverrideReply>, String> {
        let request = OverrideRequest {
            chat_id: self.open_chat_or(args.chat_id_opt).await,
            ..args.request
        };
        let reply = self
            .request(Scope::Node, |call| {
                let request = request.clone();
                async move {
                    call.node
                        .request_service(subject::ROUTER_OVERRIDE, &request)
                        .await
                }
            })
            .await?;
        Ok(Json(reply))
    }
}
