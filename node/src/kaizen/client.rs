//! Asking the experiment manager from outside the node: the one request the command line
//! (`shim-node experiments`, `shim-node improvements`) and the MCP tool `shim_improvement_report` make.
//!
//! Any node whose NATS server has JetStream serves `shim.v1.kaizen.<op>` in queue group `shim-kaizen`; a
//! node without JetStream runs without the Kaizen loop. "No responders" on the subject therefore means one
//! of two things, and the person needs to know which: no node runs at all, or nodes run but none has
//! the loop. [`request`] tells them apart with a `hello` to the client's own node.

use serde::{Serialize, de::DeserializeOwned};
use shim_protocol::{
    NodeOp, WireError,
    messages::{HelloReply, HelloRequest},
    subject::{KaizenNames, KaizenOp},
};

use crate::nats::{ClientError, NodeClient};

/// Sends `request` as `op` to the live experiment manager (any node answers) and decodes the reply.
///
/// When no node serves the operation but `node` itself answers a `hello`, the error is
/// [`WireError::Unavailable`] saying that the Kaizen loop is off for want of JetStream (the command failed,
/// exit 1); when `node` does not answer either, it stays [`ClientError::NoNode`] (no node, exit 3).
pub async fn request<Req: Serialize, Resp: DeserializeOwned>(
    node: &NodeClient,
    op: KaizenOp,
    request: &Req,
) -> Result<Resp, ClientError> {
    match node
        .request_service(&KaizenNames::live().subject(op), request)
        .await
    {
        Err(ClientError::NoNode { node_id }) => {
            let hello: Result<HelloReply, ClientError> = node
                .request(
                    NodeOp::Hello,
                    &HelloRequest {
                        client: "kaizen client".to_owned(),
                    },
                )
                .await;
            match hello {
                Ok(hello) => Err(ClientError::Remote(WireError::Unavailable {
                    message: loop_off(&hello.node_id),
                })),
                Err(_) => Err(ClientError::NoNode { node_id }),
            }
        }
        other => other,
    }
}

/// What to say when node `node_id` runs but no node runs the Kaizen loop.
pub fn loop_off(node_id: &str) -> String {
    format!(
        "the Kaizen loop is off: shim-node {node_id} runs, but no node serves experiments; the loop keeps its \
         state in JetStream, which the NATS server does not offer or did not answer at the node's start \
         (start nats-server with -js, or restart the node once JetStream answers; the node's log says \
         \"the Kaizen loop is off\" and why)"
    )
}
