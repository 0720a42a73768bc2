//! Gathering what happened since a checkpoint, when a resume is built: the chat's latest tool calls from
//! its worker (while the node still holds the chat) and its transcript, read now.

use std::{path::PathBuf, sync::Arc};

use tokio::sync::Semaphore;
use tracing::{debug, warn};

use super::{Since, digest};
use crate::checkpoint_manager::{RecentTools, store::ChatRecord};

/// Returns what happened since the chat's checkpoint. The transcript is read in a blocking task holding
/// a permit of `reads`, so resumes share a bounded pool; a transcript that cannot be read (gone, not a
/// regular file of the node's user) leaves the digest out.
pub(in crate::checkpoint_manager) async fn since(
    record: &ChatRecord,
    recent_tools: &RecentTools,
    reads: Arc<Semaphore>,
) -> Since {
    let chat_id = record.chat_id.clone();
    // A chat no worker holds has none newer than its checkpoint; a worker that does not answer is said.
    let recent_tools = match recent_tools.of(chat_id).await {
        Ok(tools) => tools,
        Err(error) => {
            warn!(chat_id = %record.chat_id, %error, "the chat's latest tool calls are left out of the resume");
            Vec::new()
        }
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
