//! The model router as a NATS service (`async_nats::service`): endpoints `shim.v1.router.route`,
//! `.override` and `.forget` in the queue group `shim-router`, so any node answers and `nats micro ls`
//! discovers them with their stats. The analysis runs in each request's task; the ModelRouter actor
//! supplies what was learned and the budget, and records the decision.

use std::{sync::Arc, time::Duration};

use async_nats::{
    Client, HeaderMap,
    service::{Request, ServiceExt},
};
use bytes::Bytes;
use futures::StreamExt;
use ractor::rpc::CallResult;
use serde::Serialize;
use shim_actors::{
    model_router::{
        ModelRouter, ModelRouterMessage, RouteContext,
        router::{RouteDecision, RouteOptions, Strategy, decide, prepare},
    },
    names,
};
use shim_protocol::{
    PROTOCOL_HEADER, PROTOCOL_VERSION, WireError, WireResult, codec,
    messages::{OverrideReply, OverrideRequest, RouteAlternative, RouteReply, RouteRequest},
    subject::{ROUTER_OVERRIDE, ROUTER_QUEUE_GROUP, ROUTER_ROUTE},
    version,
};
use tokio::{
    sync::{Semaphore, watch},
    task::JoinHandle,
};
use tracing::warn;

/// Subject that drops what routing learned for a category.
pub const ROUTER_FORGET: &str = "shim.v1.router.forget";

/// Requests the service works on at once per node.
const MAX_IN_FLIGHT: usize = 256;

/// Starts the service; it runs until `shutdown` turns true, then deregisters (after the requests it took
/// have been answered by their tasks).
pub async fn start(
    client: Client,
    node_id: &str,
    timeout: Duration,
    mut shutdown: watch::Receiver<bool>,
) -> anyhow::Result<JoinHandle<()>> {
    let service = client
        .service_builder()
        .description("SHIM model router: the cheapest capable model tier for a prompt")
        .queue_group(ROUTER_QUEUE_GROUP)
        .start("shim-router", env!("CARGO_PKG_VERSION"))
        .await
        .map_err(|error| anyhow::anyhow!("failed to start the router service: {error}"))?;
    let mut route = service
        .endpoint(ROUTER_ROUTE)
        .await
        .map_err(|error| anyhow::anyhow!("failed to add the route endpoint: {error}"))?;
    let mut overrides = service
        .endpoint(ROUTER_OVERRIDE)
        .await
        .map_err(|error| anyhow::anyhow!("failed to add the override endpoint: {error}"))?;
    let mut forget = service
        .endpoint(ROUTER_FORGET)
        .await
        .map_err(|error| anyhow::anyhow!("failed to add the forget endpoint: {error}"))?;
    let limit = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    // The router actor is found by its registered name for each request, so a restarted router is found.
    let router: Arc<str> = names::service(ModelRouter::NAME, node_id).into();
    Ok(tokio::spawn(async move {
        loop {
            let (kind, request) = tokio::select! {
                Some(request) = route.next() => (Kind::Route, request),
                Some(request) = overrides.next() => (Kind::Override, request),
                Some(request) = forget.next() => (Kind::Forget, request),
                _ = shutdown.wait_for(|stop| *stop) => break,
                else => break,
            };
            let router = router.clone();
            let Ok(permit) = limit.clone().acquire_owned().await else {
                break;
            };
            tokio::spawn(async move {
                let reply = handle(kind, &request, &router, timeout).await;
                let mut headers = HeaderMap::new();
                headers.insert(PROTOCOL_HEADER, PROTOCOL_VERSION.to_string().as_str());
                if let Err(error) = request.respond_with_headers(Ok(reply), headers).await {
                    warn!(%error, "failed to answer a routing request");
                }
                drop(permit);
            });
        }
        drop((route, overrides, forget));
        if let Err(error) = service.stop().await {
            warn!(%error, "failed to stop the router service");
        }
    }))
}

#[derive(Debug, Clone, Copy)]
enum Kind {
    Route,
    Override,
    Forget,
}

async fn handle(kind: Kind, request: &Request, router: &str, timeout: Duration) -> Bytes {
    let header_opt = request
        .message
        .headers
        .as_ref()
        .and_then(|headers| headers.get(PROTOCOL_HEADER))
        .map(|value| value.as_str());
    let result = match version::check_header(header_opt) {
        Err(error) => Err(error),
        Ok(_) => match kind {
            Kind::Route => route(&request.message.payload, router, timeout)
                .await
                .and_then(|reply| encode(&reply)),
            Kind::Override => record_override(&request.message.payload, router, timeout)
                .await
                .and_then(|reply| encode(&reply)),
            Kind::Forget => forget(&request.message.payload, router, timeout)
                .await
                .and_then(|reply| encode(&reply)),
        },
    };
    match result {
        Ok(bytes) => bytes,
        Err(error) => codec::encode(&Err::<(), &WireError>(&error))
            .map(Bytes::from)
            .unwrap_or_default(),
    }
}

fn encode<T: Serialize>(value: &T) -> WireResult<Bytes> {
    codec::encode(&Ok::<&T, &WireError>(value))
        .map(Bytes::from)
        .map_err(|error| WireError::Internal {
            message: error.to_string(),
        })
}

async fn ask<T: Send + 'static>(
    router: &str,
    timeout: Duration,
    build: impl FnOnce(ractor::RpcReplyPort<T>) -> ModelRouterMessage,
) -> WireResult<T> {
    let Some(actor) = names::find::<ModelRouterMessage>(router) else {
        return Err(WireError::Unavailable {
            message: "the model router is not running; retry shortly".to_owned(),
        });
    };
    match actor.call(build, Some(timeout)).await {
        Ok(CallResult::Success(value)) => Ok(value),
        Ok(CallResult::Timeout) => Err(WireError::Timeout {
            operation: "routing".to_owned(),
            after_ms: timeout.as_millis() as u64,
        }),
        _ => Err(WireError::Unavailable {
            message: "the model router is not running; retry shortly".to_owned(),
        }),
    }
}

/// Largest prompt routed, in bytes (about 250k tokens).
const MAX_PROMPT_BYTES: usize = 1024 * 1024;

async fn route(payload: &[u8], router: &str, timeout: Duration) -> WireResult<RouteReply> {
    let request: RouteRequest = codec::decode(payload)?;
    if let Some(chat_id) = &request.chat_id {
        shim_protocol::subject::validate_id("chat id", chat_id)?;
    }
    if request.prompt.trim().is_empty() {
        return Err(WireError::bad_request("prompt is empty"));
    }
    if request.prompt.len() > MAX_PROMPT_BYTES {
        return Err(WireError::TooLarge {
            size: request.prompt.len(),
            limit: MAX_PROMPT_BYTES,
        });
    }
    let strategy = match request.strategy.as_deref() {
        None | Some("") => Strategy::Balanced,
        Some(name) => Strategy::parse(name).ok_or_else(|| {
            WireError::bad_request(format!(
                "strategy {name:?} is not balanced, quality or cost"
            ))
        })?,
    };
    let prepared = prepare(&request.prompt);
    let category = prepared.category();
    let context: RouteContext = ask(router, timeout, |port| {
        ModelRouterMessage::Context(category.clone(), port)
    })
    .await?;
    let options = RouteOptions {
        strategy,
        min_tier_opt: Some(context.min_tier),
        learned_opt: context.learned_opt,
        economize: context.budget_note_opt.is_some(),
    };
    let decision = decide(prepared, &context.models, &options);
    let reply = to_reply(&decision, context.budget_note_opt);
    if let Some(actor) = names::find::<ModelRouterMessage>(router) {
        let _ = actor.cast(ModelRouterMessage::Routed {
            category,
            decision: Box::new(decision),
            chat_id_opt: request.chat_id,
        });
    }
    Ok(reply)
}

/// Turns a decision into its wire form.
pub fn to_reply(decision: &RouteDecision, budget_note_opt: Option<String>) -> RouteReply {
    RouteReply {
        model: decision.model.as_str().to_owned(),
        model_id: decision.model_id.clone(),
        confidence: (decision.confidence * 100.0).round() / 100.0,
        reasoning: match &budget_note_opt {
            Some(note) => format!("{}; {note}", decision.reasoning),
            None => decision.reasoning.clone(),
        },
        estimated_input_tokens: decision.estimated_input_tokens as u64,
        estimated_output_tokens: decision.estimated_output_tokens as u64,
        estimated_cost_usd: decision.estimated_cost_usd,
        alternatives: decision
            .alternatives
            .iter()
            .map(|alternative| RouteAlternative {
                model: alternative.model.as_str().to_owned(),
                model_id: alternative.model_id.clone(),
                estimated_cost_usd: alternative.estimated_cost_usd,
            })
            .collect(),
        complexity: decision.complexity.as_str().to_owned(),
        task_type: decision.task_type.clone(),
        overridden: decision.overridden,
        budget_note: budget_note_opt,
    }
}

async fn record_override(
    payload: &[u8],
    router: &str,
    timeout: Duration,
) -> WireResult<OverrideReply> {
    let request: OverrideRequest = codec::decode(payload)?;
    if request.prompt.len() > MAX_PROMPT_BYTES {
        return Err(WireError::TooLarge {
            size: request.prompt.len(),
            limit: MAX_PROMPT_BYTES,
        });
    }
    ask(router, timeout, |port| {
        ModelRouterMessage::Override(request, port)
    })
    .await?
}

async fn forget(payload: &[u8], router: &str, timeout: Duration) -> WireResult<Option<String>> {
    let category: String = codec::decode(payload)?;
    let tier_opt = ask(router, timeout, |port| {
        ModelRouterMessage::Forget(category, port)
    })
    .await??;
    Ok(tier_opt.map(|tier| tier.as_str().to_owned()))
}
