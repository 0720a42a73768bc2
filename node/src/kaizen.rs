//! The Kaizen loop in the node (docs/kaizen.md): the experiment manager's JetStream state ([`store`]), its
//! service on `shim.v1.kaizen.<op>` ([`service`]), and the node's part of the loop:
//!
//! - **outcomes**: a durable consumer of the analytics store's `sessions.outcome` events, shared by every
//!   node; each outcome's session record becomes an observation of the experiments the chat is in;
//! - **the loop**: on the one node holding the lease `kaizen-loop`, every `look_every_s` a look at each
//!   running experiment, and every `detect_every_s` the opportunity detector over the last
//!   `detect_window_days` of session records, its proposals sent to the manager (which judges them against
//!   the safety settings).
//!
//! `shim-node simulate kaizen` ([`simulate`]) runs the same manager over generated sessions.
//!
//! From outside the node, [`client`] asks the manager (the `experiments` and `improvements` commands, the
//! MCP tool `shim_improvement_report`), and [`report`] sums up a period of the loop for that tool.

pub mod client;
pub mod report;
pub mod service;
pub mod simulate;
pub mod store;

use std::{sync::Arc, time::Duration};

use async_nats::jetstream::consumer::DeliverPolicy;
use futures::StreamExt;
use ractor::rpc::CallResult;
use shim_actors::experiment_manager::{
    ExperimentManager, ExperimentManagerMessage,
    detector::{OpportunityDetector, join_across_components, session_metrics},
    settings::KaizenSettings,
};
use shim_protocol::{
    Event,
    messages::{Observation, ObserveRequest, ProposeRequest},
    subject,
};
use tokio::sync::watch;
use tracing::{debug, info, warn};

use crate::{
    analytics::Analytics,
    coordination::{
        lease::run_while_held,
        supervise::{Ended, Supervision},
    },
};

/// The durable consumer of outcomes, shared by every node.
const OUTCOMES_CONSUMER: &str = "kaizen-outcomes";
/// The lease of the loop.
const LOOP_LEASE: &str = "kaizen-loop";
/// How long the loop waits for the manager.
const MANAGER_TIMEOUT: Duration = Duration::from_secs(30);

/// Starts the outcome consumer and the loop for node `node_id`'s manager.
pub fn start(
    node_id: &str,
    analytics: Arc<Analytics>,
    settings: KaizenSettings,
    profile: watch::Receiver<crate::profile::Profile>,
    supervision: &Supervision,
    shutdown: watch::Receiver<bool>,
) {
    let outcomes = (node_id.to_owned(), analytics.clone(), shutdown.clone());
    supervision.spawn("kaizen outcomes", move || {
        let (node_id, analytics, stop) = outcomes.clone();
        async move { feed_outcomes(node_id, analytics, stop).await }
    });
    let looped = (node_id.to_owned(), analytics, settings, profile, shutdown);
    supervision.spawn("kaizen loop", move || {
        let (node_id, analytics, settings, profile, stop) = looped.clone();
        async move { run_loop(node_id, analytics, settings, profile, stop).await }
    });
}

async fn ask<T: Send + 'static>(
    node_id: &str,
    build: impl FnOnce(ractor::RpcReplyPort<T>) -> ExperimentManagerMessage,
) -> Result<T, String> {
    let manager = ExperimentManager::find(node_id)
        .ok_or_else(|| "the experiment manager is not running".to_owned())?;
    match manager.call(build, Some(MANAGER_TIMEOUT)).await {
        Ok(CallResult::Success(value)) => Ok(value),
        Ok(CallResult::Timeout) => Err("the experiment manager did not answer in time".to_owned()),
        _ => Err("the experiment manager stopped before answering".to_owned()),
    }
}

/// Observes each decided outcome; an outcome that cannot be counted now is delivered again.
async fn feed_outcomes(
    node_id: String,
    analytics: Arc<Analytics>,
    mut shutdown: watch::Receiver<bool>,
) -> Ended {
    let mut messages = match crate::analytics::pull_events(
        analytics.jetstream(),
        OUTCOMES_CONSUMER,
        "sessions.outcome",
        DeliverPolicy::New,
        Duration::from_secs(60),
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
            Some(Err(error)) => return Ended::Broke(format!("pulling outcomes failed: {error}")),
            None => return Ended::Broke("the outcome pull ended".to_owned()),
        };
        let chat_opt = serde_json::from_slice::<Event>(&message.payload)
            .ok()
            .and_then(|event| event.chat_id)
            .filter(|chat_id| subject::validate_id("chat id", chat_id).is_ok());
        let result = match chat_opt {
            Some(chat_id) => observe(&node_id, &analytics, chat_id).await,
            None => Ok(()),
        };
        let ack = match result {
            Ok(()) => async_nats::jetstream::AckKind::Ack,
            Err(error) => {
                debug!(%error, "an outcome could not be counted; it comes again");
                async_nats::jetstream::AckKind::Nak(Some(Duration::from_secs(10)))
            }
        };
        if let Err(error) = message.ack_with(ack).await {
            debug!(%error, "failed to acknowledge an outcome");
        }
    }
}

async fn observe(node_id: &str, analytics: &Analytics, chat_id: String) -> Result<(), String> {
    let Some(record) = analytics
        .session(&chat_id)
        .await
        .map_err(|error| error.to_string())?
    else {
        return Ok(());
    };
    let Some(metrics) = session_metrics(&record) else {
        return Ok(());
    };
    let request = ObserveRequest {
        observations: vec![Observation { chat_id, metrics }],
    };
    ask(node_id, |port| {
        ExperimentManagerMessage::Observe(request, port)
    })
    .await?
    .map(|_| ())
    .map_err(|error| error.to_string())
}

async fn run_loop(
    node_id: String,
    analytics: Arc<Analytics>,
    settings: KaizenSettings,
    profile: watch::Receiver<crate::profile::Profile>,
    shutdown: watch::Receiver<bool>,
) -> Ended {
    let every = Duration::from_secs(settings.look_every_s);
    let lease = match analytics.leases().lease(LOOP_LEASE, every * 3) {
        Ok(lease) => lease,
        Err(error) => return Ended::Broke(format!("no kaizen lease: {error}")),
    };
    let mut last_detect_ms = 0u64;
    run_while_held(&lease, every, shutdown, || {
        let now = shim_actors::now_ms();
        let set_hours_opt = profile.borrow().hours;
        let detect = may_propose(settings.enabled, set_hours_opt, crate::profile::local_hour_now())
            && now.saturating_sub(last_detect_ms) >= settings.detect_every_s * 1000;
        if detect {
            last_detect_ms = now;
        }
        let (node_id, analytics, settings) = (node_id.clone(), analytics.clone(), settings.clone());
        async move {
            if detect {
                detect_once(&node_id, &analytics, &settings, set_hours_opt, now).await;
            }
            match ask(&node_id, |port| ExperimentManagerMessage::Tick(None, port)).await {
                Ok(Ok(decided)) => {
                    for entry in decided {
                        info!(experiment = %entry.experiment_id, action = %entry.action, "kaizen decision");
                    }
                }
                Ok(Err(error)) => warn!(%error, "the kaizen look failed"),
                Err(error) => warn!(%error, "the kaizen look failed"),
            }
        }
    })
    .await
}

/// Whether the loop may propose by itself at local hour `hour`: when it is enabled, and outside the person's
/// working hours (their profile's `hours`, else those observed from their sessions), so nothing new starts
/// while they work. Looks at running experiments go on at any hour.
/// The working hours observed from the starts of `records` of the last
/// [`HOURS_WINDOW_DAYS`](crate::profile::HOURS_WINDOW_DAYS), as `shim-node profile show` reports them.
fn observed_hours_in(
    records: &[shim_protocol::messages::SessionRecord],
    now: u64,
) -> Option<crate::profile::Hours> {
    let since = now.saturating_sub(crate::profile::HOURS_WINDOW_DAYS * 24 * 3600 * 1000);
    let starts: Vec<u64> = records
        .iter()
        .map(|record| record.started_at_ms)
        .filter(|started| *started >= since)
        .collect();
    crate::profile::observed_hours(&starts).map(|(hours, _, _)| hours)
}

fn may_propose(enabled: bool, hours_opt: Option<crate::profile::Hours>, hour: u8) -> bool {
    enabled && !hours_opt.is_some_and(|hours| hours.contains(hour))
}

/// Looks for opportunities and proposes them. `set_hours_opt`: the working hours the person set; without
/// them, those observed from their sessions keep the loop from proposing while they work.
async fn detect_once(
    node_id: &str,
    analytics: &Analytics,
    settings: &KaizenSettings,
    set_hours_opt: Option<crate::profile::Hours>,
    now: u64,
) {
    let since = now.saturating_sub(settings.detect_window_days * 24 * 3600 * 1000);
    let records: Vec<_> = match analytics.all_sessions().await {
        Ok(listing) => listing
            .sessions
            .into_iter()
            .map(|session| session.record)
            .collect(),
        Err(error) => {
            warn!(%error, "the opportunity detector could not read the session records");
            return;
        }
    };
    if set_hours_opt.is_none()
        && let Some(hours) = observed_hours_in(&records, now)
        && hours.contains(crate::profile::local_hour_now())
    {
        info!(%hours, "no proposals now: inside the working hours observed from your sessions (set yours with `shim-node profile set hours`)");
        return;
    }
    let sessions: Vec<_> = records
        .into_iter()
        .filter(|record| record.ended_at_ms.is_some_and(|ended| ended >= since))
        .collect();
    let experiments = match ask(node_id, ExperimentManagerMessage::List).await {
        Ok(Ok(list)) => list.experiments,
        _ => return,
    };
    let parameters = match ask(node_id, ExperimentManagerMessage::Parameters).await {
        Ok(Ok(list)) => list,
        _ => return,
    };
    let set = shim_actors::experiment_manager::ParameterSet {
        version: parameters.version,
        values: parameters
            .parameters
            .into_iter()
            .map(|value| {
                (
                    value.name,
                    shim_actors::experiment_manager::ParameterEntry {
                        value: value.value,
                        version: value.version,
                        set_at_ms: value.set_at_ms,
                        improvement_id: value.improvement_id,
                    },
                )
            })
            .collect(),
    };
    // Changes aimed at one outcome from different components are tried together, as one variant.
    let mut proposals: Vec<ProposeRequest> = join_across_components(
        OpportunityDetector.detect(&sessions, &set, &experiments, settings, now),
        settings.max_auto_changes_per_chat as usize,
    );
    match analytics.routing_by_category(since, now).await {
        Ok(categories) => proposals.extend(OpportunityDetector.detect_routing(
            &categories,
            &sessions,
            &set,
            &experiments,
            settings,
            now,
        )),
        Err(error) => {
            warn!(%error, "the opportunity detector could not read the routing decisions")
        }
    }
    for proposal in proposals {
        match ask(node_id, |port| {
            ExperimentManagerMessage::Propose(proposal, port)
        })
        .await
        {
            Ok(Ok(experiment)) => info!(
                experiment = %experiment.id,
                parameters = %experiment.parameters_label(),
                status = experiment.status.as_str(),
                "the opportunity detector proposed an experiment"
            ),
            Ok(Err(error)) => warn!(%error, "a proposal was not taken"),
            Err(error) => warn!(%error, "a proposal was not taken"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Hours;

    #[test]
    fn the_loop_proposes_by_itself_only_outside_working_hours() {
        let office = Hours::parse("9-18").ok();
        assert!(!may_propose(true, office, 10));
        assert!(may_propose(true, office, 20));
        assert!(may_propose(true, None, 10));
        assert!(!may_propose(false, None, 20));
        let night = Hours::parse("22-6").ok();
        assert!(!may_propose(true, night, 2));
        assert!(may_propose(true, night, 12));
    }

    #[test]
    fn without_hours_set_the_loop_keeps_to_the_hours_observed_from_the_sessions() {
        use chrono::{Local, TimeZone};
        let day_ms = 24 * 3600 * 1000u64;
        // Sessions started at 10 o'clock local time, one a day.
        let ten = Local
            .with_ymd_and_hms(2026, 11, 30, 10, 15, 0)
            .single()
            .expect("a local time")
            .timestamp_millis() as u64;
        let record = |started_at_ms: u64| -> shim_protocol::messages::SessionRecord {
            serde_json::from_value(serde_json::json!({
                "chat_id": format!("chat-{started_at_ms}"),
                "started_at_ms": started_at_ms,
            }))
            .expect("a record")
        };
        let recent: Vec<_> = (0..12).map(|day| record(ten - day * day_ms)).collect();
        let hours = observed_hours_in(&recent, ten + 3600 * 1000).expect("observed");
        assert!(hours.contains(10) && !hours.contains(20), "{hours}");
        assert!(!may_propose(true, Some(hours), 10));
        // Too few, or too long ago: nothing observed, nothing kept from.
        assert_eq!(observed_hours_in(&recent[..5], ten), None);
        assert_eq!(observed_hours_in(&recent, ten + 60 * day_ms), None);
    }
}
