//! What a chat's worker does with what it learns: a transcript read re-assesses the risk at once, and a
//! batch makes at most one automatic checkpoint however many events ask for one.

use std::io::Write;

use super::*;

fn usage_line(tokens: u64) -> String {
    format!(
        "{}\n",
        serde_json::json!({"type": "assistant", "message": {"role": "assistant", "usage": {"input_tokens": 10, "cache_read_input_tokens": tokens, "output_tokens": 5}}})
    )
}

#[tokio::test]
async fn a_transcript_read_that_raises_token_use_publishes_the_level_change_at_once() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let chat_id = open(&supervisor, None).await;
    let dir = tempfile::tempdir().expect("temp dir");
    let transcript = dir.path().join("session.jsonl");
    std::fs::write(&transcript, usage_line(20_000)).expect("write");
    let batch = |events: Vec<SignalEvent>| SignalBatch {
        chat_id: chat_id.clone(),
        source: SignalSource::Hook,
        at_ms: now_ms(),
        events,
        transcript_path: Some(transcript.display().to_string()),
        prompt: None,
        trigger: None,
    };
    let tokens = |expected: u64| {
        let chat_id = chat_id.clone();
        async move {
            matches!(
                worker(&chat_id)
                    .call(ChatWorkerMessage::GetRisk, Some(TIMEOUT))
                    .await,
                Ok(CallResult::Success(Ok(risk))) if risk.signals.tokens_used == Some(expected)
            )
        }
    };
    let _ = worker(&chat_id).cast(ChatWorkerMessage::Record(
        batch(vec![SignalEvent::UserPrompt]),
        None,
    ));
    assert!(wait_until(|| tokens(20_010), DEADLINE, POLL).await);
    assert!(publisher.of_kind("risk.level_changed").is_empty());

    // 151k of a 200k window: danger. One more signal makes the node read the transcript; the change is
    // published when the read lands, not at the chat's next signal (none follows).
    std::fs::OpenOptions::new()
        .append(true)
        .open(&transcript)
        .and_then(|mut file| file.write_all(usage_line(150_990).as_bytes()))
        .expect("append");
    let _ = worker(&chat_id).cast(ChatWorkerMessage::Record(batch(vec![tool(true)]), None));
    let published = wait_until(
        || async { !publisher.of_kind("risk.level_changed").is_empty() },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(published, "no risk.level_changed after the transcript read");
    let changes = publisher.of_kind("risk.level_changed");
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].data["to"], "danger");
    assert!(
        changes[0].data["reasons"]
            .as_array()
            .is_some_and(|reasons| reasons.iter().any(|reason| reason
                .as_str()
                .is_some_and(|text| text.contains("context 76%")))),
        "{changes:?}"
    );
    // The rise into danger asks for its checkpoint too.
    assert_eq!(triggers(&publisher, &chat_id), ["risk_danger"]);
    supervisor.stop(None);
}

#[tokio::test]
async fn one_batch_of_three_thousand_pre_compacts_makes_one_checkpoint() {
    let publisher = RecordingPublisher::default();
    let supervisor = node(&publisher).await;
    let chat_id = open(&supervisor, None).await;
    signal(&supervisor, &chat_id, vec![SignalEvent::PreCompact; 3_000]).await;
    assert_eq!(triggers(&publisher, &chat_id), ["pre_compact"]);
    let saved = wait_until(
        || async { list(&supervisor, &chat_id).await.checkpoints.len() == 1 },
        DEADLINE,
        POLL,
    )
    .await;
    assert!(saved);
    // An explicit checkpoint after it is number 2: nothing else was queued.
    let explicit = save(
        &chat_id,
        CheckpointInput {
            summary: "after the storm".to_owned(),
            ..CheckpointInput::default()
        },
    )
    .await
    .expect("saves");
    assert_eq!(explicit.seq, 2);

    // Events of several kinds in one batch: still one checkpoint, named after the weightiest.
    let mut mixed = vec![tool(true); 12];
    mixed.push(SignalEvent::TurnEnded { latency_ms: None });
    mixed.push(SignalEvent::PreCompact);
    signal(&supervisor, &chat_id, mixed).await;
    assert_eq!(
        triggers(&publisher, &chat_id),
        ["pre_compact", "pre_compact"]
    );
    supervisor.stop(None);
}
