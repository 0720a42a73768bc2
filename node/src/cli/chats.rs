//! `shim-node chats`: the chat registry.

use std::process::ExitCode;

use shim_protocol::{
    NodeOp,
    messages::{ChatList, ListChatsRequest},
};

use super::table::{self, Align};
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
        outln!("{}", serde_json::to_string_pretty(&list.chats)?);
        return Ok(ExitCode::SUCCESS);
    }
    if list.chats.is_empty() {
        outln!("no chats");
        return Ok(ExitCode::SUCCESS);
    }
    let now = shim_actors::now_ms();
    let rows: Vec<Vec<String>> = list
        .chats
        .iter()
        .map(|chat| {
            vec![
                chat.chat_id.clone(),
                cell(chat.name.as_deref().unwrap_or("-"), 20),
                chat.role.to_string(),
                chat.status.to_string(),
                chat.node_id.clone(),
                format!("{}s ago", now.saturating_sub(chat.last_heartbeat_ms) / 1000),
                chat.current_task.clone().unwrap_or_else(|| "-".to_owned()),
            ]
        })
        .collect();
    let header = [
        ("CHAT", Align::Left),
        ("NAME", Align::Left),
        ("ROLE", Align::Left),
        ("STATUS", Align::Left),
        ("NODE", Align::Left),
        ("SEEN", Align::Right),
        ("TASK", Align::Left),
    ];
    for line in table::render(&header, &rows) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Cuts `text` to `width` characters (with `…` when cut), one line.
pub(super) fn cell(text: &str, width: usize) -> String {
    let line = text.replace(['\n', '\r', '\t'], " ");
    if line.chars().count() <= width {
        return line;
    }
    let mut cut: String = line.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}
