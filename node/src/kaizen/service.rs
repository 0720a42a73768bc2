//! The experiment manager over NATS: a [`Component`] of [`service::serve`] on `shim.v1.kaizen.<op>`
//! ([`KaizenOp`]) in queue group `shim-kaizen`, so any node answers. The work is the node's
//! [`ExperimentManager`] actor's, found by its registry name; this file decodes a request, asks the actor,
//! and turns an [`ExperimentError`](shim_actors::experiment_manager::ExperimentError) into a [`WireError`].

use std::time::Duration;

use bytes::Bytes;
use shim_actors::experiment_manager::{ExperimentManager, ExperimentManagerMessage};
use shim_protocol::{
    WireError, WireResult, codec,
    messages::{AssignRequest, AuditRequest, ExperimentIdRequest, ObserveRequest, ProposeRequest},
    subject::KaizenOp,
};

use crate::service::{self, Component, Exchange, Taken, encode_ok};

impl service::Op for KaizenOp {
    fn from_tail(tail: &str) -> Option<Self> {
        KaizenOp::from_tail(tail)
    }

    fn label(self) -> &'static str {
        match self {
            KaizenOp::Propose => "kaizen.propose",
            KaizenOp::List => "kaizen.list",
            KaizenOp::Show => "kaizen.show",
            KaizenOp::Approve => "kaizen.approve",
            KaizenOp::Stop => "kaizen.stop",
            KaizenOp::Assign => "kaizen.assign",
            KaizenOp::Observe => "kaizen.observe",
            KaizenOp::Parameters => "kaizen.parameters",
            KaizenOp::Revert => "kaizen.revert",
            KaizenOp::Audit => "kaizen.audit",
        }
    }
}

/// The kaizen service of one node.
#[derive(Debug)]
pub struct KaizenService {
    /// The node whose [`ExperimentManager`] answers.
    node_id: String,
    /// How long the actor may take to answer.
    timeout: Duration,
}

impl KaizenService {
    /// The service of node `node_id`'s experiment manager.
    pub fn new(node_id: impl Into<String>, timeout: Duration) -> KaizenService {
        KaizenService {
            node_id: node_id.into(),
            timeout,
        }
    }

    async fn ask<T: Send + 'static>(
        &self,
        op: KaizenOp,
        build: impl FnOnce(ractor::RpcReplyPort<T>) -> ExperimentManagerMessage,
    ) -> WireResult<T> {
        let manager =
            ExperimentManager::find(&self.node_id).ok_or_else(|| WireError::Unavailable {
                message:
                    "the experiment manager is not running (it needs JetStream); retry shortly"
                        .to_owned(),
            })?;
        service::ask(&manager, service::Op::label(op), self.timeout, build).await
    }
}

impl Component for KaizenService {
    type Op = KaizenOp;

    async fn handle(
        &self,
        op: KaizenOp,
        payload: &[u8],
        _exchange: &mut Exchange,
    ) -> WireResult<Bytes> {
        match op {
            KaizenOp::Propose => {
                let request: ProposeRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Propose(request, port))
                        .await??,
                )
            }
            KaizenOp::List => encode_ok(&self.ask(op, ExperimentManagerMessage::List).await??),
            KaizenOp::Show => {
                let request: ExperimentIdRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Show(request.id, port))
                        .await??,
                )
            }
            KaizenOp::Approve => {
                let request: ExperimentIdRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Approve(request, port))
                        .await??,
                )
            }
            KaizenOp::Stop => {
                let request: ExperimentIdRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Stop(request, port))
                        .await??,
                )
            }
            KaizenOp::Revert => {
                let request: ExperimentIdRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Revert(request, port))
                        .await??,
                )
            }
            KaizenOp::Assign => {
                let request: AssignRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Assign(request, port))
                        .await??,
                )
            }
            KaizenOp::Observe => {
                let request: ObserveRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Observe(request, port))
                        .await??,
                )
            }
            KaizenOp::Parameters => {
                encode_ok(&self.ask(op, ExperimentManagerMessage::Parameters).await??)
            }
            KaizenOp::Audit => {
                let request: AuditRequest = codec::decode(payload)?;
                encode_ok(
                    &self
                        .ask(op, |port| ExperimentManagerMessage::Audit(request, port))
                        .await??,
                )
            }
        }
    }

    /// The experiment manager hands nothing out.
    async fn hand_back(&self, _taken: Taken) {}
}
