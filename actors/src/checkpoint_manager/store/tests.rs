use std::sync::Arc;

use shim_protocol::messages::{
    CheckpointTrigger, ConversationState, FileState, SignalSnapshot, TaskState,
};

use super::*;

fn checkpoint(chat_id: &str, seq: u64, created_at_ms: u64, summary: &str) -> Checkpoint {
    Checkpoint {
        checkpoint_id: checkpoint_id(chat_id, seq),
        chat_id: chat_id.to_owned(),
        seq,
        created_at_ms,
        trigger: CheckpointTrigger::Explicit,
        project_dir: Some("/p".to_owned()),
        conversation: ConversationState {
            summary: summary.to_owned(),
            ..ConversationState::default()
        },
        task: TaskState::default(),
        files: FileState {
            diff: "diff --git a/x b/x\n".repeat(200),
            ..FileState::default()
        },
        tools: Vec::new(),
        signals: SignalSnapshot::default(),
        reason: None,
    }
}

fn open() -> (tempfile::TempDir, CheckpointStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = CheckpointStore::open(&dir.path().join("store")).expect("opens");
    (dir, store)
}

#[test]
fn compression_round_trips_and_shrinks_repetitive_state() {
    let original = checkpoint("c", 1, 10, "summary");
    let bytes = compress(&original).expect("compresses");
    let raw = rmp_serde::to_vec_named(&original).expect("encodes");
    assert!(
        bytes.len() < raw.len() / 4,
        "{} vs {}",
        bytes.len(),
        raw.len()
    );
    assert_eq!(decompress(&bytes).expect("decompresses"), original);
    assert!(matches!(decompress(&[]), Err(StoreError::Corrupt(_))));
    assert!(matches!(
        decompress(&[9, 1, 2]),
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        decompress(&[1, 0xff, 0xff, 0xff, 0x7f, 0]),
        Err(StoreError::Corrupt(_))
    ));
    assert!(matches!(
        decompress(&bytes[..bytes.len() / 2]),
        Err(StoreError::Corrupt(_))
    ));
}

#[test]
fn numbering_is_per_chat_and_unique_under_concurrent_writers() {
    let (_dir, store) = open();
    let store = Arc::new(store);
    let threads: Vec<_> = (0..8)
        .map(|thread| {
            let store = store.clone();
            std::thread::spawn(move || {
                let chat_id = if thread % 2 == 0 { "even" } else { "odd" };
                (0..25)
                    .map(|_| {
                        let seq = store.next_seq(chat_id).expect("seq");
                        store.put(&checkpoint(chat_id, seq, seq, "s")).expect("put");
                        (chat_id, seq)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut even: Vec<u64> = Vec::new();
    let mut odd: Vec<u64> = Vec::new();
    for thread in threads {
        for (chat_id, seq) in thread.join().expect("thread") {
            if chat_id == "even" {
                even.push(seq)
            } else {
                odd.push(seq)
            }
        }
    }
    even.sort_unstable();
    odd.sort_unstable();
    assert_eq!(even, (1..=100).collect::<Vec<_>>());
    assert_eq!(odd, (1..=100).collect::<Vec<_>>());
    assert_eq!(
        store
            .latest("even")
            .expect("latest")
            .map(|checkpoint| checkpoint.seq),
        Some(100)
    );
    assert_eq!(store.list(Some("odd"), 1000).expect("list").len(), 100);
}

#[test]
fn checkpoints_survive_reopening_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store");
    {
        let store = CheckpointStore::open(&path).expect("opens");
        let seq = store.next_seq("c").expect("seq");
        store.put(&checkpoint("c", seq, 1, "kept")).expect("put");
        store.put_chat_durably(&record("c", 2, None)).expect("chat");
    }
    let store = CheckpointStore::open(&path).expect("reopens");
    assert_eq!(
        store
            .get("c", 1)
            .expect("get")
            .expect("present")
            .conversation
            .summary,
        "kept"
    );
    assert_eq!(
        store.next_seq("c").expect("seq"),
        2,
        "numbering continues after a restart"
    );
    assert_eq!(store.chats_in_project("/p").expect("chats").len(), 1);
    assert!(
        store
            .chats_in_project("/elsewhere")
            .expect("chats")
            .is_empty()
    );
}

#[test]
fn retention_keeps_the_newest_and_drops_the_old_and_the_surplus() {
    let (_dir, store) = open();
    let day_ms = 24 * 3600 * 1000;
    let now = 100 * day_ms;
    for seq in 1..=60 {
        // The first ten are 40 days old; the rest are recent.
        let created = if seq <= 10 {
            now - 40 * day_ms
        } else {
            now - seq
        };
        store.put(&checkpoint("c", seq, created, "s")).expect("put");
    }
    let removed = store.prune("c", 50, 30 * day_ms, now).expect("prunes");
    assert_eq!(removed, 10);
    let left: Vec<u64> = store
        .list(Some("c"), 100)
        .expect("list")
        .iter()
        .map(|summary| summary.seq)
        .collect();
    assert_eq!(left.len(), 50);
    assert!(!left.contains(&10) && left.contains(&11) && left.contains(&60));

    // Retention by count alone, and never the newest even when it is old.
    let removed = store.prune("c", 5, 30 * day_ms, now).expect("prunes");
    assert_eq!(removed, 45);
    store.put(&checkpoint("old", 1, 0, "ancient")).expect("put");
    assert_eq!(store.prune("old", 50, day_ms, now).expect("prunes"), 0);
    assert!(store.latest("old").expect("latest").is_some());
}

#[test]
fn lists_are_newest_first_and_ids_parse_back() {
    let (_dir, store) = open();
    store.put(&checkpoint("a", 1, 100, "first")).expect("put");
    store.put(&checkpoint("b", 1, 300, "third")).expect("put");
    store.put(&checkpoint("a", 2, 200, "second")).expect("put");
    let all: Vec<String> = store
        .list(None, 10)
        .expect("list")
        .into_iter()
        .map(|summary| summary.summary)
        .collect();
    assert_eq!(all, ["third", "second", "first"]);
    assert_eq!(store.list(None, 2).expect("list").len(), 2);
    assert_eq!(parse_checkpoint_id("0193-ab:12"), Some(("0193-ab", 12)));
    assert_eq!(parse_checkpoint_id("nocolon"), None);
    assert_eq!(parse_checkpoint_id("a:b"), None);
}

/// The stored bytes of checkpoint `seq` of `chat_id` replaced with garbage, as a damaged disk would leave them.
fn damage(store: &CheckpointStore, chat_id: &str, seq: u64) {
    store
        .db()
        .open_tree("checkpoints")
        .expect("the tree")
        .insert(checkpoint_key(chat_id, seq), &b"\x01garbage"[..])
        .expect("written");
}

#[test]
fn a_list_reads_the_summaries_not_the_checkpoints() {
    let (_dir, store) = open();
    for seq in 1..=3 {
        store
            .put(&checkpoint("c", seq, seq * 100, &format!("step {seq}")))
            .expect("put");
    }
    // A list that decompressed each checkpoint would fail on this one (or take the time to read them all).
    damage(&store, "c", 2);
    let listed: Vec<(u64, String)> = store
        .list(Some("c"), 10)
        .expect("list")
        .into_iter()
        .map(|line| (line.seq, line.summary))
        .collect();
    assert_eq!(
        listed,
        [
            (3, "step 3".to_owned()),
            (2, "step 2".to_owned()),
            (1, "step 1".to_owned())
        ]
    );
    assert!(matches!(store.get("c", 2), Err(StoreError::Corrupt(_))));
    // Pruned checkpoints leave the list with their summaries.
    assert_eq!(store.prune("c", 1, u64::MAX, 1_000).expect("prunes"), 2);
    assert_eq!(store.list(None, 10).expect("list").len(), 1);
    // A line whose checkpoint is gone (an older version pruned it) goes when the sweep comes to the chat.
    store
        .db()
        .open_tree("checkpoints")
        .expect("the tree")
        .remove(checkpoint_key("c", 3))
        .expect("removed");
    store.put(&checkpoint("c", 4, 400, "step 4")).expect("put");
    assert_eq!(store.list(Some("c"), 10).expect("list").len(), 2);
    store.drop_orphan_lines("c").expect("swept");
    let listed: Vec<u64> = store
        .list(Some("c"), 10)
        .expect("list")
        .iter()
        .map(|line| line.seq)
        .collect();
    assert_eq!(listed, [4]);
}

#[test]
fn a_store_from_before_summaries_gets_them_once_at_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store");
    {
        let store = CheckpointStore::open(&path).expect("opens");
        store.put(&checkpoint("a", 1, 100, "first")).expect("put");
        store.put(&checkpoint("b", 1, 200, "second")).expect("put");
        store.put(&checkpoint("b", 2, 300, "broken")).expect("put");
        damage(&store, "b", 2);
        // As an older version left it: no summaries, no mark.
        store.db().drop_tree("summaries").expect("dropped");
        store.db().remove(SUMMARIES_BUILT).expect("removed");
        store.db().flush().expect("flushed");
    }
    let store = CheckpointStore::open(&path).expect("reopens");
    let listed: Vec<String> = store
        .list(None, 10)
        .expect("list")
        .into_iter()
        .map(|line| line.summary)
        .collect();
    assert_eq!(
        listed,
        ["second", "first"],
        "the unreadable one is left out"
    );
    assert!(store.db().contains_key(SUMMARIES_BUILT).expect("read"));
}

#[test]
fn a_chat_is_sealed_once_and_the_first_seal_stands() {
    let store = CheckpointStore::temporary().expect("store");
    assert_eq!(store.sealed("c1").expect("reads"), None);
    let first = Seal {
        at_ms: 5,
        detected: "process_exited".to_owned(),
        seq_opt: Some(3),
    };
    assert_eq!(
        store.seal("c1", &first).expect("seals"),
        (first.clone(), true)
    );
    let second = Seal {
        at_ms: 9,
        detected: "heartbeat_timeout".to_owned(),
        seq_opt: Some(4),
    };
    assert_eq!(
        store.seal("c1", &second).expect("answers"),
        (first.clone(), false),
        "sealing again changes nothing"
    );
    assert_eq!(store.sealed("c1").expect("reads"), Some(first));
    assert_eq!(store.sealed("c2").expect("reads"), None);
}

fn record(chat_id: &str, last_active_ms: u64, ended_at_ms: Option<u64>) -> ChatRecord {
    ChatRecord {
        chat_id: chat_id.to_owned(),
        project_dir: Some("/p".to_owned()),
        client: None,
        started_at_ms: 1,
        last_active_ms,
        last_activity: LastActivity::ToolCall,
        ended_at_ms,
        claude_pid: None,
        peak_risk: None,
        api_failures: 0,
        transcript_path: None,
        prompts: Vec::new(),
        processes: Vec::new(),
    }
}

#[test]
fn a_sweep_prunes_chats_that_stopped_saving_and_forgets_those_nothing_can_resume() {
    let (_dir, store) = open();
    let day_ms = 24 * 3600 * 1000;
    let now = 100 * day_ms;
    let old = now - 40 * day_ms;
    // Each chat: three checkpoints of 40 days ago, no save since.
    for chat_id in ["ended", "interrupted", "resumed", "recent", "empty"] {
        let ended_opt = (chat_id == "ended").then_some(old);
        let last_active = if chat_id == "recent" { now } else { old };
        store
            .put_chat(&record(chat_id, last_active, ended_opt))
            .expect("record");
        if chat_id == "empty" {
            continue;
        }
        for seq in 1..=3 {
            let created = if chat_id == "recent" {
                now - 10 + seq
            } else {
                old + seq
            };
            store
                .put(&checkpoint(chat_id, seq, created, "s"))
                .expect("put");
            store.next_seq(chat_id).expect("seq");
        }
    }
    store.mark_restored("resumed", 3).expect("restored");
    // "unlisted": interrupted, its only checkpoint without its list line (a save cut short between the two).
    // "broken": its middle checkpoint damaged and unlisted, of no known age.
    for chat_id in ["unlisted", "broken"] {
        store.put_chat(&record(chat_id, old, None)).expect("record");
    }
    store
        .put(&checkpoint("unlisted", 1, old, "s"))
        .expect("put");
    store
        .db()
        .open_tree("summaries")
        .expect("the tree")
        .remove(checkpoint_key("unlisted", 1))
        .expect("removed");
    for seq in 1..=4 {
        store
            .put(&checkpoint("broken", seq, old + seq, "s"))
            .expect("put");
    }
    damage(&store, "broken", 2);
    store
        .db()
        .open_tree("summaries")
        .expect("the tree")
        .remove(checkpoint_key("broken", 2))
        .expect("removed");

    // Two chats a sweep: four sweeps look at all seven, the last says it reached the end.
    let mut after = Vec::new();
    let mut looked = 0;
    let mut sweeps = 0;
    loop {
        let swept = store
            .sweep(&after, 2, 50, 30 * day_ms, now)
            .expect("sweeps");
        looked += swept.chats;
        sweeps += 1;
        match swept.next {
            Some(next) => after = next,
            None => break,
        }
        assert!(sweeps < 10, "the sweep never reached the end");
    }
    assert_eq!((looked, sweeps), (7, 4));

    let seqs = |chat_id: &str| -> Vec<u64> {
        store
            .list(Some(chat_id), 10)
            .expect("list")
            .iter()
            .map(|line| line.seq)
            .collect()
    };
    // Nothing of an ended, a resumed or an empty chat can be resumed: gone, record and all.
    for gone in ["ended", "resumed", "empty"] {
        assert!(seqs(gone).is_empty(), "{gone}");
        assert!(store.chat(gone).expect("read").is_none(), "{gone}");
        assert!(store.latest(gone).expect("read").is_none(), "{gone}");
    }
    assert_eq!(store.restored_seq("resumed").expect("read"), None);
    // A chat that comes back numbers on from where it was.
    assert_eq!(store.next_seq("ended").expect("seq"), 4);
    // Resumable although unlisted: kept. A checkpoint of no known age is kept and the others weighed: the
    // old ones around it went, the newest stays.
    assert!(store.latest("unlisted").expect("read").is_some());
    assert!(store.chat("broken").expect("read").is_some());
    assert!(store.get("broken", 1).expect("read").is_none());
    assert!(matches!(
        store.get("broken", 2),
        Err(StoreError::Corrupt(_))
    ));
    assert!(
        store.get("broken", 3).expect("read").is_none(),
        "the old one after it went too"
    );
    assert!(store.get("broken", 4).expect("read").is_some());
    assert_eq!(
        store
            .prune("broken", 50, 30 * day_ms, now)
            .expect("a prune passes it over"),
        0
    );
    // An interrupted chat keeps its newest checkpoint for its resume; the older ones went.
    assert_eq!(seqs("interrupted"), [3]);
    assert!(store.chat("interrupted").expect("read").is_some());
    // A recent chat keeps everything.
    assert_eq!(seqs("recent"), [3, 2, 1]);
    assert_eq!(store.chats_in_project("/p").expect("chats").len(), 4);
}

#[test]
fn a_damaged_chat_record_is_left_out_of_a_project_not_the_others() {
    let (_dir, store) = open();
    store.put_chat(&record("good", 1, None)).expect("record");
    store
        .db()
        .open_tree("chats")
        .expect("the tree")
        .insert(b"bad", &b"\xc1garbage"[..])
        .expect("written");
    let chats: Vec<String> = store
        .chats_in_project("/p")
        .expect("the good one is read")
        .into_iter()
        .map(|record| record.chat_id)
        .collect();
    assert_eq!(chats, ["good"]);
}

#[test]
fn a_chat_whose_record_changed_since_the_sweep_read_it_keeps_its_record() {
    let (_dir, store) = open();
    let day_ms = 24 * 3600 * 1000;
    let now = 100 * day_ms;
    let ended = record("back", now - 40 * day_ms, Some(now - 40 * day_ms));
    store
        .put(&checkpoint("back", 1, now - 40 * day_ms, "s"))
        .expect("put");
    let read = rmp_serde::to_vec_named(&ended).expect("encodes");
    // The session came back after the sweep read its record: it keeps its new record and its checkpoint.
    store.put_chat(&record("back", now, None)).expect("record");
    let (removed, forgotten) = store
        .sweep_chat(&ended, &read, 50, 30 * day_ms, now)
        .expect("swept");
    assert_eq!((removed, forgotten), (0, false));
    assert_eq!(
        store
            .chat("back")
            .expect("read")
            .map(|record| record.ended_at_ms),
        Some(None)
    );
    assert!(store.latest("back").expect("read").is_some());
    // Read as it is, the same chat is forgotten.
    store.put_chat(&ended).expect("record");
    assert_eq!(
        store
            .sweep_chat(&ended, &read, 50, 30 * day_ms, now)
            .expect("swept"),
        (1, true)
    );
    assert!(store.chat("back").expect("read").is_none());
}
