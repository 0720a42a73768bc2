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
