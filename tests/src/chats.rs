//! Waiting for the chat registry to say something about a chat.

use shim_node::nats::NodeClient;
use shim_protocol::{
    NodeOp,
    messages::{ChatEntry, ChatList, ListChatsRequest},
};

use crate::{DEADLINE, POLL, wait_until};

/// Waits up to [`DEADLINE`] until the registry lists `chat_id` (gone chats are not listed) in a state `holds`
/// accepts; returns whether it did.
pub async fn wait_for_chat(
    client: &NodeClient,
    chat_id: &str,
    holds: impl Fn(&ChatEntry) -> bool,
) -> bool {
    let request = ListChatsRequest::default();
    wait_until(
        || async {
            client
                .request::<_, ChatList>(NodeOp::ChatList, &request)
                .await
                .is_ok_and(|list| {
                    list.chats
                        .iter()
                        .any(|chat| chat.chat_id == chat_id && holds(chat))
                })
        },
        DEADLINE,
        POLL,
    )
    .await
}

/// The secrets of the chats this test process opened (`session.start` replies), by chat id.
static SECRETS: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<String, String>>> =
    std::sync::LazyLock::new(Default::default);

/// Keeps the secret a `session.start` gave, for [`acting`].
pub fn remember(reply: &shim_protocol::messages::SessionStartReply) {
    if let (Some(secret), Ok(mut secrets)) = (&reply.chat_secret, SECRETS.lock()) {
        secrets.insert(reply.chat_id.clone(), secret.clone());
    }
}

/// `client`, acting for `chat_id` with the secret its session start gave (as the chat's MCP server does).
pub fn acting(client: &shim_node::nats::NodeClient, chat_id: &str) -> shim_node::nats::NodeClient {
    let secret_opt = SECRETS
        .lock()
        .ok()
        .and_then(|secrets| secrets.get(chat_id).cloned());
    client.with_chat_secret(secret_opt.as_deref())
}

/// `client`, acting for `chat_id` with the secret its node derives for it from the key in `data_dir` (as the
/// session's hooks and status line do, beside the node).
pub fn own(
    client: &shim_node::nats::NodeClient,
    data_dir: &std::path::Path,
    chat_id: &str,
) -> shim_node::nats::NodeClient {
    let secret_opt = shim_node::coordination::chat_keys::local_secret(
        &shim_node::data_dir::DataDir::new(data_dir),
        chat_id,
    );
    client.with_chat_secret(secret_opt.as_deref())
}

/// Saves an explicit checkpoint of `chat_id` with `summary`, as its own (the secret its node derives from the
/// key in `data_dir`).
pub async fn save_checkpoint(
    client: &shim_node::nats::NodeClient,
    data_dir: &std::path::Path,
    chat_id: &str,
    summary: &str,
) -> shim_protocol::messages::CheckpointSaved {
    own(client, data_dir, chat_id)
        .request(
            shim_protocol::NodeOp::CheckpointSave,
            &shim_protocol::messages::SaveCheckpointRequest {
                chat_id: chat_id.to_owned(),
                input: shim_protocol::messages::CheckpointInput {
                    summary: summary.to_owned(),
                    ..Default::default()
                },
            },
        )
        .await
        .expect("saves")
}
