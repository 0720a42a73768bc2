//! `shim-node chats`: the chat registry.

use std::process::ExitCode;

use shim_protocol::{
    NodeOp,
    messages::{ChatList, ListChatsRequest},
};

use crate::config::Config;

pub(super) async fn run(
    config: &Config,
    include_gone: bool,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let node = super::node_client(config, "shim-node chats").await?;
    let list: ChatList = node
        .request(NodeOp::ChatList, &ListChatsRequest { include_gone })
        .await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&list.chats)?);
        return Ok(ExitCode::SUCCESS);
    }
    if list.chats.is_empty() {
        println!("no chats");
    }
    let now = shim_actors::now_ms();
    for chat in &list.chats {
        println!(
            "{:<40} {:<10} {:<6} {:<16} {:>5}s ago  {}",
            chat.chat_id,
            chat.role,
            chat.status,
            chat.node_id,
            now.saturating_sub(chat.last_heartbeat_ms) / 1000,
            chat.name
                .as_deref()
                .or(chat.current_task.as_deref())
                .unwrap_or("")
        );
    }
    Ok(ExitCode::SUCCESS)
}
