//! `shim-node tail [FILTER]`: live events, coloured on a terminal and plain when piped.

use std::{
    io::{IsTerminal, Write},
    process::ExitCode,
};

use futures::StreamExt;
use shim_protocol::{Event, codec, subject};

use crate::config::Config;

pub(super) async fn run(config: &Config, filter: &str) -> anyhow::Result<ExitCode> {
    let client = super::connect_nats(config, "shim-node tail").await?;
    let pattern = subject::events_matching(filter);
    if !subject::is_valid_subject(&pattern) {
        anyhow::bail!("{filter:?} is not a subject pattern (examples: `chats.*`, `supervisor.>`)");
    }
    let mut events = client.subscribe(pattern.clone()).await?;
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    eprintln!("listening on {pattern} (Ctrl-C stops)");
    let mut stdout = std::io::stdout().lock();
    while let Some(message) = events.next().await {
        let line = match codec::decode_event(&message.payload) {
            Ok(event) => render(&event, colour),
            Err(_) => format!(
                "{} {}",
                message.subject,
                String::from_utf8_lossy(&message.payload)
            ),
        };
        if writeln!(stdout, "{line}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            // The reader went away (a closed pipe): stop quietly.
            break;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn render(event: &Event, colour: bool) -> String {
    let chat = event
        .chat_id
        .as_deref()
        .map(|chat_id| format!(" chat={chat_id}"))
        .unwrap_or_default();
    let data = if event.data.is_null() {
        String::new()
    } else {
        format!(" {}", event.data)
    };
    if colour {
        let kind_colour = match event.component() {
            "supervisor" => "\x1b[31m",
            "chats" => "\x1b[32m",
            "node" => "\x1b[36m",
            _ => "\x1b[33m",
        };
        format!(
            "\x1b[2m{}\x1b[0m {kind_colour}{}\x1b[0m node={}{chat}\x1b[2m{data}\x1b[0m",
            event.ts, event.kind, event.node_id
        )
    } else {
        format!(
            "{} {} node={}{chat}{data}",
            event.ts, event.kind, event.node_id
        )
    }
}
