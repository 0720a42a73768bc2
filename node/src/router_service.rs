//! The model router over NATS: a [`Component`] of [`service::serve`] whose operations ([`RouterOp`]:
//! `shim.v1.router.route`, `.override`, `.forget`, `.learned`) are endpoints of an `async_nats::service` in the queue
//! group `shim-router`, so any node answers and `nats micro ls` discovers them with their stats.
//!
//! Routing itself runs in this node's [`ModelRouter`] actor, found by its registry name; this file only
//! decodes a request, asks the actor, and turns a [`ModelRouterError`] into a [`WireError`].
//!
//! [`ModelRouterError`]: shim_actors::model_router::ModelRouterError

use std::{sync::Arc, time::Duration};

use async_nats::{Client, service::ServiceExt};
use bytes::Bytes;
use futures::StreamExt;
use shim_actors::model_router::{ModelRouter, ModelRouterMessage};
use shim_protocol::{
    WireError, WireResult, codec,
    messages::{OverrideRequest, RouteRequest},
    subject::{ROUTER_PREFIX, ROUTER_QUEUE_GROUP, RouterOp},
};
use tokio::{sync::watch, task::JoinHandle};
use tracing::warn;

use crate::{
    metrics::NodeMetrics,
    service::{self, Component, Exchange, Inbound, Serving, Taken, encode_ok},
};

/// Requests the service works on at once per node.
const MAX_IN_FLIGHT: usize = 256;

/// The router service of one node.
#[derive(Debug)]
pub struct RouterService {
    /// The node whose [`ModelRouter`] answers.
    node_id: String,
    /// How long the actor may take to answer.
    timeout: Duration,
}

impl RouterService {
    /// The service of node `node_id`'s router.
    pub fn new(node_id: impl Into<String>, timeout: Duration) -> RouterService {
        RouterService {
            node_id: node_id.into(),
            timeout,
        }
    }

    /// Asks this node's router (found by its registry name) for `op`.
    async fn ask<T: Send + 'static>(
        &self,
        op: RouterOp,
        build: impl FnOnce(ractor::RpcReplyPort<T>) -> ModelRouterMessage,
    ) -> WireResult<T> {
        let router = ModelRouter::find(&self.node_id).ok_or_else(|| WireError::Unavailable {
            message: "the model router is not running; retry shortly".to_owned(),
        })?;
        service::ask(&router, service::Op::label(op), self.timeout, build).await
    }
}

impl Component for RouterService {
    type Op = RouterOp;

    async fn handle(
        &self,
        op: RouterOp,
        payload: &[u8],
        _exchange: &mut Exchange,
    ) -> WireResult<Bytes> {
        match op {
            RouterOp::Route => {
                let request: RouteRequest = codec::decode(payload)?;
                let reply = self
                    .ask(op, |port| ModelRouterMessage::Route(request, port))
                    .await??;
                encode_ok(&reply)
            }
            RouterOp::Override => {
                let request: OverrideRequest = codec::decode(payload)?;
                let reply = self
                    .ask(op, |port| ModelRouterMessage::Override(request, port))
                    .await??;
                encode_ok(&reply)
            }
            RouterOp::Forget => {
                let category: String = codec::decode(payload)?;
                let tier_opt = self
                    .ask(op, |port| ModelRouterMessage::Forget(category, port))
                    .await??;
                encode_ok(&tier_opt.map(|tier| tier.as_str().to_owned()))
            }
            RouterOp::Learned => {
                let learned = self.ask(op, ModelRouterMessage::Learned).await??;
                encode_ok(&learned)
            }
        }
    }

    /// Routing hands nothing out.
    async fn hand_back(&self, _taken: Taken) {}
}

/// Starts the service; it runs until `shutdown` turns true, then waits for the requests in flight and
/// deregisters.
pub async fn start(
    client: Client,
    router: RouterService,
    metrics: NodeMetrics,
    shutdown: watch::Receiver<bool>,
) -> anyhow::Result<JoinHandle<()>> {
    let service = client
        .service_builder()
        .description("SHIM model router: the cheapest capable model tier for a prompt")
        .queue_group(ROUTER_QUEUE_GROUP)
        .start("shim-router", env!("CARGO_PKG_VERSION"))
        .await
        .map_err(|error| anyhow::anyhow!("failed to start the router service: {error}"))?;
    let mut endpoints = Vec::with_capacity(RouterOp::ALL.len());
    for op in RouterOp::ALL {
        let endpoint = service.endpoint(op.subject()).await.map_err(|error| {
            anyhow::anyhow!("failed to add the {op} endpoint of the router service: {error}")
        })?;
        endpoints.push(endpoint.map(Inbound::Service));
    }
    let serving = Serving {
        prefix: ROUTER_PREFIX.to_owned(),
        max_in_flight: MAX_IN_FLIGHT,
        drain_timeout: router.timeout,
        metrics,
        closed_opt: None,
    };
    Ok(tokio::spawn(async move {
        let requests = futures::stream::select_all(endpoints);
        service::serve(client, requests, Arc::new(router), serving, shutdown).await;
        if let Err(error) = service.stop().await {
            warn!(%error, "failed to stop the router service");
        }
    }))
}
