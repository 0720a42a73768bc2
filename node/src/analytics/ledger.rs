//! The session ledger: stored events → a record per chat in `shim_sessions`, and the sweeper that marks
//! interrupted sessions abandoned.

use std::{collections::HashMap, sync::Arc, time::Duration};

use async_nats::jetstream::{
    AckKind,
    consumer::{AckPolicy, DeliverPolicy, pull},
};
use futures::StreamExt;
use serde_json::json;
use shim_protocol::{Event, subject};
use tokio::sync::watch;
use tracing::{debug, warn};

use super::{
    Analytics, AnalyticsError,
    outcome::{self, StoredSession},
};
use crate::coordination::{
    bucket::Updated,
    lease::run_while_held,
    supervise::{Ended, Supervision},
};

/// The durable consumers every node's ledger pulls from, shared by all nodes so each event is handled by one
/// of them: one per kind of event (or family of kinds) that concerns a session, as `(consumer, subject tail
/// under shim.events.)`. The server delivers only those, so the far more frequent events that concern no
/// session (tasks, tool signals, routing decisions: a router counts a chat's prompts itself) never reach a
/// ledger; since
/// a record is the same whatever order its events come in, the consumers need not be in step.
pub const LEDGER_CONSUMERS: [(&str, &str); 13] = [
    ("analytics-ledger-chats", "chats.>"),
    ("analytics-ledger-resume", "resume.>"),
    ("analytics-ledger-risk", "risk.level_changed"),
    ("analytics-ledger-checkpoints", "checkpoint.saved"),
    ("analytics-ledger-session-ended", "signals.session_ended"),
    ("analytics-ledger-compacting", "signals.compacting"),
    ("analytics-ledger-compacted", "signals.compacted"),
    ("analytics-ledger-turn-failed", "signals.turn_failed"),
    ("analytics-ledger-api-errors", "telemetry.api_error"),
    ("analytics-ledger-api-requests", "telemetry.api_request"),
    ("analytics-ledger-compactions", "telemetry.compaction"),
    ("analytics-ledger-routing-counts", "routing.counted"),
    ("analytics-ledger-overrides", "routing.override"),
];

/// The one consumer of every event that earlier versions used; removed at start.
const OLD_LEDGER_CONSUMER: &str = "analytics-ledger";

/// How long one pull request of the ledger waits at the server for events.
const PULL_EXPIRES: Duration = Duration::from_secs(30);
/// The idle heartbeat the server sends on a waiting pull; must stay under half of [`PULL_EXPIRES`].
const PULL_HEARTBEAT: Duration = Duration::from_secs(5);

/// The lease under which one node at a time sweeps for abandoned sessions.
pub const SWEEPER_LEASE: &str = "analytics-sweeper";

/// Largest event the ledger decodes; larger ones are skipped as malformed.
const MAX_EVENT_BYTES: usize = 256 * 1024;

/// Starts the ledger and the sweeper under `supervision`.
pub fn start_ledger(
    analytics: Arc<Analytics>,
    supervision: &Supervision,
    shutdown: watch::Receiver<bool>,
) {
    for (consumer, tail) in LEDGER_CONSUMERS {
        let ledger = analytics.clone();
        let stop = shutdown.clone();
        supervision.spawn("analytics ledger", move || {
            let analytics = ledger.clone();
            let stop = stop.clone();
            async move { run(analytics, consumer, tail, stop).await }
        });
    }
    let old = analytics.clone();
    tokio::spawn(async move {
        if let Ok(stream) = old.js.get_stream(subject::EVENTS_STREAM).await
            && stream.delete_consumer(OLD_LEDGER_CONSUMER).await.is_ok()
        {
            tracing::info!(
                "the ledger's consumer of every event, from an earlier version, was removed"
            );
        }
    });
    supervision.spawn("analytics sweeper", move || {
        let analytics = analytics.clone();
        let stop = shutdown.clone();
        async move { sweep(analytics, stop).await }
    });
}

/// Pulls the stored events of kind `tail` (`sessions.outcome`, `chats.*`, ...) through the durable consumer
/// `name`, made when missing: explicit acknowledgements waited for `ack_wait`, redelivered without limit,
/// 10,000 in flight at most. The one way the ledger and the Kaizen loop read the events stream.
///
/// Each pull asks for up to 256 events and expires after 30 s (async-nats' default, stated here so it does
/// not move under us). The idle heartbeat is off by default: with it off, a pull the server lost (the server
/// restarted, the consumer was deleted) leaves the reader waiting for ever. At 5 s, two missed heartbeats end
/// the stream with an error, and the reader's supervisor starts it again.
pub(crate) async fn pull_events(
    js: &async_nats::jetstream::Context,
    name: &str,
    tail: &str,
    deliver_policy: DeliverPolicy,
    ack_wait: Duration,
) -> Result<async_nats::jetstream::consumer::pull::Stream, String> {
    let stream = js
        .get_stream(subject::EVENTS_STREAM)
        .await
        .map_err(|error| format!("no events stream: {error}"))?;
    let consumer = stream
        .get_or_create_consumer(
            name,
            pull::Config {
                durable_name: Some(name.to_owned()),
                filter_subject: format!("{}.{tail}", subject::EVENTS_PREFIX),
                deliver_policy,
                ack_policy: AckPolicy::Explicit,
                ack_wait,
                max_deliver: -1,
                max_ack_pending: 10_000,
                ..pull::Config::default()
            },
        )
        .await
        .map_err(|error| format!("no consumer {name}: {error}"))?;
    consumer
        .stream()
        .max_messages_per_batch(256)
        .expires(PULL_EXPIRES)
        .heartbeat(PULL_HEARTBEAT)
        .messages()
        .await
        .map_err(|error| format!("cannot pull events: {error}"))
}

async fn run(
    analytics: Arc<Analytics>,
    name: &'static str,
    tail: &'static str,
    mut shutdown: watch::Receiver<bool>,
) -> Ended {
    let mut messages = match pull_events(
        &analytics.js,
        name,
        tail,
        DeliverPolicy::All,
        Duration::from_secs(30),
    )
    .await
    {
        Ok(messages) => messages,
        Err(error) => return Ended::Broke(error),
    };
    loop {
        let next = tokio::select! {
            next = messages.next() => next,
            _ = shutdown.wait_for(|stop| *stop) => return Ended::Finished,
        };
        let message = match next {
            Some(Ok(message)) => message,
            Some(Err(error)) => return Ended::Broke(format!("pulling events failed: {error}")),
            None => return Ended::Broke("the event pull ended".to_owned()),
        };
        let published_ms = message
            .info()
            .ok()
            .map(|info| (info.published.unix_timestamp_nanos() / 1_000_000).max(0) as u64);
        let ack = match handle(&analytics, &message.payload, published_ms).await {
            Ok(()) => AckKind::Ack,
            Err(error) => {
                warn!(%error, "session ledger could not record an event; retrying it");
                AckKind::Nak(Some(Duration::from_secs(1)))
            }
        };
        if let Err(error) = message.ack_with(ack).await {
            debug!(%error, "failed to acknowledge an event");
        }
    }
}

/// Records one stored event; an error means it should be delivered again.
async fn handle(
    analytics: &Analytics,
    payload: &[u8],
    published_ms_opt: Option<u64>,
) -> Result<(), AnalyticsError> {
    let event: Event = match (payload.len() <= MAX_EVENT_BYTES)
        .then(|| serde_json::from_slice::<Event>(payload))
    {
        Some(Ok(event)) => event,
        _ => {
            analytics.metrics.record_bad_event("ledger");
            return Ok(());
        }
    };
    if !outcome::concerns_sessions(&event.kind) {
        analytics.metrics.record_event("ignored");
        return Ok(());
    }
    // A prompt routed, or an override, outside any chat is no session's.
    if event.chat_id.is_none() && event.kind.starts_with("routing.") {
        analytics.metrics.record_event("ignored");
        return Ok(());
    }
    let Some(chat_id) = event
        .chat_id
        .as_deref()
        .filter(|chat_id| subject::validate_id("chat id", chat_id).is_ok())
    else {
        analytics.metrics.record_bad_event("ledger");
        return Ok(());
    };
    let Some(at_ms) = outcome::parse_ts(&event.ts).or(published_ms_opt) else {
        analytics.metrics.record_bad_event("ledger");
        return Ok(());
    };
    let mut previous_opt = None;
    let updated = analytics
        .sessions
        .update(chat_id, |current| {
            let mut session = current
                .value()
                .cloned()
                .unwrap_or_else(|| StoredSession::new(chat_id, at_ms));
            previous_opt = session.record.outcome;
            Ok::<_, AnalyticsError>(outcome::apply(&mut session, &event, at_ms).then_some(session))
        })
        .await?;
    analytics.metrics.record_event("applied");
    if let Updated::Written { value, .. } = updated
        && value.record.outcome != previous_opt
    {
        publish_outcome(analytics, &value);
    }
    Ok(())
}

/// Publishes `sessions.outcome` for a session whose outcome was decided or changed.
fn publish_outcome(analytics: &Analytics, session: &StoredSession) {
    let record = &session.record;
    let Some(decided) = record.outcome else {
        return;
    };
    analytics.metrics.record_outcome(decided.as_str());
    analytics.emitter.emit(
        "sessions",
        "outcome",
        Some(&record.chat_id),
        json!({
            "outcome": decided.as_str(),
            "evidence": record.evidence,
            "started_at": outcome::stamp_millis(record.started_at_ms),
            "ended_at": record.ended_at_ms.map(outcome::stamp_millis),
            "tool_calls": record.tool_calls,
            "project_dir": record.project_dir,
            "client": record.client,
            "api_requests": record.api_requests,
            "cost_usd": record.cost_usd,
            "api_duration_ms": record.api_duration_ms,
            "routed": record.routed,
            "overrides": record.overrides,
        }),
    );
}

/// Marks interrupted sessions abandoned: not resumed within `abandon_after`, or a later session in their
/// project ended without taking them. Runs every quarter of `abandon_after` (1 s to 60 s) on the one node
/// holding the lease [`SWEEPER_LEASE`], held for three runs' time: a dead holder's lease passes on within
/// four.
async fn sweep(analytics: Arc<Analytics>, shutdown: watch::Receiver<bool>) -> Ended {
    let abandon_after = analytics.settings.abandon_after();
    let every = (abandon_after / 4).clamp(Duration::from_secs(1), Duration::from_secs(60));
    let lease = match analytics.leases().lease(SWEEPER_LEASE, every * 3) {
        Ok(lease) => lease,
        Err(error) => return Ended::Broke(format!("no sweeper lease: {error}")),
    };
    run_while_held(&lease, every, shutdown, || {
        sweep_once(&analytics, abandon_after)
    })
    .await
}

/// One abandon sweep over the session records.
async fn sweep_once(analytics: &Analytics, abandon_after: Duration) {
    let sessions = match analytics.all_sessions().await {
        Ok(listing) => listing.sessions,
        Err(error) => {
            debug!(%error, "abandon sweep could not read the session records");
            return;
        }
    };
    let now = shim_actors::now_ms();
    for (chat_id, why) in to_abandon(&sessions, now, abandon_after.as_millis() as u64) {
        let result = analytics
            .sessions
            .update(&chat_id, |current| {
                let Some(mut session) = current.value().cloned() else {
                    return Ok::<_, AnalyticsError>(None);
                };
                Ok(session.abandon(now, why.clone()).then_some(session))
            })
            .await;
        match result {
            Ok(Updated::Written { value, .. }) => publish_outcome(analytics, &value),
            Ok(Updated::Left(_)) => {}
            Err(error) => debug!(%error, %chat_id, "failed to mark a session abandoned"),
        }
    }
}

/// The interrupted sessions to mark abandoned now, with why.
pub(crate) fn to_abandon(
    sessions: &[StoredSession],
    now_ms: u64,
    abandon_after_ms: u64,
) -> Vec<(String, String)> {
    // The latest clean end per project, and the session that ended so.
    let mut ended_in_project: HashMap<&str, Vec<&StoredSession>> = HashMap::new();
    for session in sessions {
        if let (Some(project), Some(_)) = (
            session.record.project_dir.as_deref(),
            session.state.clean_end_at_ms,
        ) {
            ended_in_project.entry(project).or_default().push(session);
        }
    }
    let mut abandon = Vec::new();
    for session in sessions {
        let Some(interrupted_at) = session.state.interrupted_at_ms else {
            continue;
        };
        if session.record.resume_taken
            || session.state.abandoned
            || session.state.clean_end_at_ms.is_some()
        {
            continue;
        }
        if now_ms.saturating_sub(interrupted_at) >= abandon_after_ms {
            abandon.push((
                session.record.chat_id.clone(),
                format!(
                    "abandoned: not resumed within {} s",
                    abandon_after_ms / 1000
                ),
            ));
            continue;
        }
        let later_opt = session.record.project_dir.as_deref().and_then(|project| {
            ended_in_project.get(project)?.iter().find(|other| {
                other.record.chat_id != session.record.chat_id
                    && other.record.started_at_ms >= session.record.started_at_ms
                    && other
                        .state
                        .clean_end_at_ms
                        .is_some_and(|ended| ended >= interrupted_at)
            })
        });
        if let Some(later) = later_opt {
            abandon.push((
                session.record.chat_id.clone(),
                format!(
                    "abandoned: later session {} in its project ended without taking it",
                    later.record.chat_id
                ),
            ));
        }
    }
    abandon
}

#[cfg(test)]
mod tests {
    use super::{LEDGER_CONSUMERS, outcome};

    /// True when a subject tail such as `chats.>` or `risk.level_changed` matches `kind`.
    fn matches(tail: &str, kind: &str) -> bool {
        match tail.strip_suffix('>') {
            Some(prefix) => kind.starts_with(prefix),
            None => tail == kind,
        }
    }

    #[test]
    fn every_kind_that_concerns_a_session_reaches_exactly_one_ledger_consumer() {
        for kind in outcome::SESSION_KINDS {
            let reached: Vec<&str> = LEDGER_CONSUMERS
                .iter()
                .filter(|(_, tail)| matches(tail, kind))
                .map(|(name, _)| *name)
                .collect();
            assert_eq!(reached.len(), 1, "{kind} reaches {reached:?}");
        }
        for (name, tail) in LEDGER_CONSUMERS {
            assert!(
                outcome::SESSION_KINDS
                    .iter()
                    .any(|kind| matches(tail, kind)),
                "{name} ({tail}) carries nothing the ledger reads"
            );
            for kind in [
                "routing.preference_adopted",
                "routing.budget_near",
                "routing.decided",
                "tasks.completed",
                "signals.tool_failed",
                "telemetry.tool_result",
            ] {
                assert!(!matches(tail, kind), "{name} would carry {kind}");
            }
        }
        let mut names: Vec<&str> = LEDGER_CONSUMERS.iter().map(|(name, _)| *name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(
            names.len(),
            LEDGER_CONSUMERS.len(),
            "consumer names are distinct"
        );
    }
}
