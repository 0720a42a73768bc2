//! Gathering what happened since a checkpoint, when a resume is built: the chat's latest tool calls from
//! the SignalCollector (while the node still holds its window) and its transcript, read now.

use std::{path::PathBuf, sync::Arc, time::Duration};

use ractor::{ActorRef, rpc::CallResult};
use tokio::sync::Semaphore;
use tracing::debug;

use super::{Since, digest};
use crate::{
    checkpoint_manager::store::ChatRecord, signal_collector::SignalCollectorMessage,
    supervisor::SupervisorMessage,
};

/// Returns what happened since the chat's checkpoint. The transcript is read in a blocking task holding
/// a permit of `reads`, so resumes share a bounded pool; a transcript that cannot be read (gone, not a
/// regular file of the node's user) leaves the digest out.
pub(in crate::checkpoint_manager) async fn since(
    record: &ChatRecord,
    supervisor: &ActorRef<SupervisorMessage>,
    reads: Arc<Semaphore>,
    timeout: Duration,
) -> Since {
    let chat_id = record.chat_id.clone();
    let recent_tools = match supervisor
        .call(
            |port| SupervisorMessage::Signals(SignalCollectorMessage::GetState(chat_id, port)),
            Some(timeout),
        )
        .await
    {
        Ok(CallResult::Success(state)) => state.tools,
        _ => Vec::new(),
    };
    let mut digest_opt = None;
    if let Some(path) = record.transcript_path.clone().map(PathBuf::from)
        && let Ok(permit) = reads.acquire_owned().await
    {
        digest_opt = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            digest::read(&path)
                .map_err(|error| {
                    debug!(path = %path.display(), %error, "transcript not read for resume");
                })
                .ok()
        })
        .await
        .ok()
        .flatten();
    }
    Since {
        digest_opt,
        prompts: record.prompts.clone(),
        recent_tools,
    }
}
