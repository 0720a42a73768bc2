//! `shim-node status`: the node's status, as text or JSON.

use std::process::ExitCode;

use shim_protocol::{
    NodeOp,
    messages::{StatusReply, StatusRequest},
};

use crate::config::Config;

pub(super) async fn run(
    config: &Config,
    json: bool,
    chat_id_opt: Option<String>,
) -> anyhow::Result<ExitCode> {
    let node = super::node_client(config, "shim-node status").await?;
    let reply: StatusReply = node
        .request(
            NodeOp::Status,
            &StatusRequest {
                chat_id: chat_id_opt,
            },
        )
        .await?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&to_json(&reply))?);
    } else {
        out!("{}", render(&reply));
    }
    Ok(ExitCode::SUCCESS)
}

fn to_json(reply: &StatusReply) -> serde_json::Value {
    serde_json::json!({
        "node_id": reply.node_id,
        "chat_id": reply.chat_id,
        "nats_url": reply.nats_url,
        "uptime_s": reply.uptime_s,
        "version": reply.version,
        "actors": reply.actors.iter().map(|actor| serde_json::json!({
            "name": actor.name,
            "kind": actor.kind,
            "status": actor.status,
            "restarts": actor.restarts,
        })).collect::<Vec<_>>(),
        "chat": reply.chat.as_ref().map(|chat| serde_json::json!({
            "chat_id": chat.chat_id,
            "name": chat.name,
            "project_dir": chat.project_dir,
            "client": chat.client,
            "started_at_ms": chat.started_at_ms,
            "last_active_ms": chat.last_active_ms,
            "requests": chat.requests,
        })),
    })
}

fn render(reply: &StatusReply) -> String {
    let chats = reply
        .actors
        .iter()
        .filter(|actor| actor.kind == "chat_worker")
        .count();
    let mut text = format!(
        "node     {} (shim {})\nnats     {}\nuptime   {}\nchats    {}\nactors\n",
        reply.node_id,
        reply.version,
        reply.nats_url,
        humantime::format_duration(std::time::Duration::from_secs(reply.uptime_s)),
        chats,
    );
    for actor in &reply.actors {
        text.push_str(&format!(
            "  {:<52} {:<11} restarts {}\n",
            actor.name,
            format!("{:?}", actor.status).to_lowercase(),
            actor.restarts
        ));
    }
    if let Some(chat) = &reply.chat {
        text.push_str(&format!(
            "chat     {}\n  name     {}\n  project  {}\n  requests {}\n",
            chat.chat_id,
            chat.name.as_deref().unwrap_or("-"),
            chat.project_dir.as_deref().unwrap_or("-"),
            chat.requests
        ));
    }
    text
}
