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
    let terminal = std::io::stdout().is_terminal();
    let colour = terminal && std::env::var_os("NO_COLOR").is_none();
    eprintln!("listening on {pattern} (Ctrl-C stops)");
    let mut stdout = std::io::stdout().lock();
    while let Some(message) = events.next().await {
        let line = match codec::decode_event(&message.payload) {
            Ok(event) => render(&event, colour, terminal),
            Err(_) => shown(
                &format!(
                    "{} {}",
                    message.subject,
                    String::from_utf8_lossy(&message.payload)
                ),
                terminal,
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

/// `text` as a terminal shows it: its control characters as escapes (anyone who may publish on NATS writes the
/// events), as every other command prints ([`super::output::visible`]).
fn shown(text: &str, terminal: bool) -> String {
    if terminal {
        super::output::visible(text).into_owned()
    } else {
        text.to_owned()
    }
}

fn render(event: &Event, colour: bool, terminal: bool) -> String {
    let chat = event
        .chat_id
        .as_deref()
        .map(|chat_id| format!(" chat={}", shown(chat_id, terminal)))
        .unwrap_or_default();
    let (ts, kind, node_id) = (
        shown(&event.ts, terminal),
        shown(&event.kind, terminal),
        shown(&event.node_id, terminal),
    );
    let data = if event.data.is_null() {
        String::new()
    } else {
        // JSON escapes only U+0000 to U+001F: DEL and the C1 controls (U+009B starts a sequence) it leaves.
        format!(" {}", shown(&event.data.to_string(), terminal))
    };
    if colour {
        let kind_colour = match event.component() {
            "supervisor" => "\x1b[31m",
            "chats" => "\x1b[32m",
            "node" => "\x1b[36m",
            _ => "\x1b[33m",
        };
        format!(
            "\x1b[2m{ts}\x1b[0m {kind_colour}{kind}\x1b[0m node={node_id}{chat}\x1b[2m{data}\x1b[0m"
        )
    } else {
        format!("{ts} {kind} node={node_id}{chat}{data}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_others_publish_is_shown_not_obeyed_on_a_terminal() {
        let event = Event {
            kind: "chats.\u{1b}]0;owned\u{7}".to_owned(),
            ts: "2026-12-05T00:00:00Z".to_owned(),
            node_id: "n\u{9b}2J".to_owned(),
            chat_id: Some("c\u{1b}[H".to_owned()),
            data: serde_json::json!({"title": "x\u{9b}2J\u{7f}"}),
        };
        for colour in [false, true] {
            let line = render(&event, colour, true);
            assert!(
                line.contains("chats.\\u{1b}]0;owned\\u{7}")
                    && line.contains("node=n\\u{9b}2J")
                    && line.contains("chat=c\\u{1b}[H")
                    && line.contains("x\\u{9b}2J\\u{7f}"),
                "{line:?}"
            );
        }
        // Piped: as it was published.
        assert!(render(&event, false, false).contains("chats.\u{1b}]0;owned\u{7}"));
    }
}
