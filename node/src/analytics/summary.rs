//! The summary of a period: one pass over the stored events from the period's start (cut into sequence ranges
//! read side by side), decoding only the fields it counts, plus the session records.

use std::{borrow::Cow, collections::BTreeMap, time::Duration};

use async_nats::jetstream::{
    self,
    consumer::{AckPolicy, DeliverPolicy, pull},
};
use futures::StreamExt;
use serde::Deserialize;
use shim_protocol::{
    messages::{
        AnalyticsSummary, CategoryRouting, CheckpointStats, Period, QueueStats, ResumeCounts,
        RoutingStats, SessionOutcome, SessionRecord, SpendStats, Spread,
    },
    subject,
};

use super::{
    AnalyticsError, AnalyticsResult,
    outcome::stamp_millis,
    prediction::{crash_prediction, quantile, ratio},
};

/// Most samples kept per latency (checkpoints, queue waits and runs); beyond it a reservoir keeps a fair
/// sample, so memory stays bounded whatever the period holds.
const MAX_SAMPLES: usize = 100_000;

/// Events asked for in one pull.
const QUERY_BATCH: usize = 10_000;

/// Most task categories reported.
const MAX_CATEGORIES: usize = 64;

/// An event, only the fields the summary reads; everything else is skipped unparsed.
#[derive(Debug, Deserialize)]
struct Lean<'a> {
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
    #[serde(default, borrow)]
    data: LeanData<'a>,
}

#[derive(Debug, Default, Deserialize)]
struct LeanData<'a> {
    #[serde(default, borrow)]
    model: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    category: Option<Cow<'a, str>>,
    #[serde(default)]
    estimated_cost_usd: Option<f64>,
    #[serde(default)]
    opus_cost_usd: Option<f64>,
    #[serde(default)]
    cost_usd: Option<f64>,
    #[serde(default)]
    ms: Option<f64>,
    #[serde(default)]
    wait_ms: Option<f64>,
    #[serde(default)]
    run_ms: Option<f64>,
}

/// A bounded sample of numbers (reservoir sampling beyond [`MAX_SAMPLES`]).
#[derive(Debug, Default)]
struct Sample {
    values: Vec<f64>,
    seen: u64,
    max: Option<f64>,
}

impl Sample {
    fn add(&mut self, value: f64) {
        if !value.is_finite() {
            return;
        }
        self.seen += 1;
        self.max = Some(self.max.map_or(value, |max| max.max(value)));
        if self.values.len() < MAX_SAMPLES {
            self.values.push(value);
            return;
        }
        // A cheap deterministic hash of the count stands in for a random index.
        let slot = (self.seen.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 11) % self.seen;
        if let Some(kept) = self.values.get_mut(slot as usize) {
            *kept = value;
        }
    }

    /// Adds `other`'s sample; beyond [`MAX_SAMPLES`] every other value is kept, so the merged sample stays
    /// bounded and fair to both.
    fn merge(&mut self, other: Sample) {
        self.seen += other.seen;
        self.max = match (self.max, other.max) {
            (Some(mine), Some(theirs)) => Some(mine.max(theirs)),
            (mine, theirs) => mine.or(theirs),
        };
        self.values.extend(other.values);
        while self.values.len() > MAX_SAMPLES {
            let mut index = 0;
            self.values.retain(|_| {
                index += 1;
                index % 2 == 0
            });
        }
    }

    fn spread(mut self) -> Spread {
        self.values.sort_by(f64::total_cmp);
        Spread {
            p50: quantile(&self.values, 0.5),
            p95: quantile(&self.values, 0.95),
            max: self.max,
        }
    }
}

/// What one pass over the events counts.
#[derive(Debug, Default)]
pub struct EventTally {
    /// Events read.
    pub read: u64,
    /// Events that did not decode.
    pub malformed: u64,
    offered: u64,
    taken: u64,
    checkpoints: u64,
    checkpoint_ms: Sample,
    decisions: u64,
    by_tier: BTreeMap<String, u64>,
    by_category: BTreeMap<String, (u64, u64)>,
    overrides: u64,
    estimated_usd: f64,
    opus_usd: f64,
    actual_usd_opt: Option<f64>,
    submitted: u64,
    completed: u64,
    failed: u64,
    cancelled: u64,
    dead: u64,
    wait_ms: Sample,
    run_ms: Sample,
}

impl EventTally {
    /// Counts one stored event's payload.
    pub fn add(&mut self, payload: &[u8]) {
        self.read += 1;
        let Ok(event) = serde_json::from_slice::<Lean<'_>>(payload) else {
            self.malformed += 1;
            return;
        };
        let data = &event.data;
        match event.kind.as_ref() {
            "resume.offered" => self.offered += 1,
            "resume.restored" => self.taken += 1,
            "checkpoint.saved" => {
                self.checkpoints += 1;
                if let Some(ms) = data.ms {
                    self.checkpoint_ms.add(ms);
                }
            }
            "routing.decided" => {
                self.decisions += 1;
                if let Some(model) = &data.model {
                    // Tiers are three names; anything else an event claims is counted once, as `other`.
                    let tier = match model.as_ref() {
                        tier @ ("haiku" | "sonnet" | "opus") => tier,
                        _ => "other",
                    };
                    *self.by_tier.entry(tier.to_owned()).or_insert(0) += 1;
                }
                self.category(data.category.as_deref()).0 += 1;
                let estimated = dollars(data.estimated_cost_usd).unwrap_or(0.0);
                self.estimated_usd += estimated;
                self.opus_usd += dollars(data.opus_cost_usd).unwrap_or(estimated);
            }
            "routing.override" => {
                self.overrides += 1;
                self.category(data.category.as_deref()).1 += 1;
            }
            "telemetry.api_request" => {
                if let Some(cost) = dollars(data.cost_usd) {
                    *self.actual_usd_opt.get_or_insert(0.0) += cost;
                }
            }
            "tasks.dispatched" => self.submitted += 1,
            "tasks.claimed" => {
                if let Some(wait) = data.wait_ms {
                    self.wait_ms.add(wait);
                }
            }
            "tasks.completed" | "tasks.failed" | "tasks.cancelled" | "tasks.dead" => {
                match event.kind.as_ref() {
                    "tasks.completed" => self.completed += 1,
                    "tasks.failed" => self.failed += 1,
                    "tasks.cancelled" => self.cancelled += 1,
                    _ => self.dead += 1,
                }
                if let Some(run) = data.run_ms {
                    self.run_ms.add(run);
                }
            }
            _ => {}
        }
    }

    /// Adds the tally of another part of the period.
    pub fn merge(&mut self, other: EventTally) {
        self.read += other.read;
        self.malformed += other.malformed;
        self.offered += other.offered;
        self.taken += other.taken;
        self.checkpoints += other.checkpoints;
        self.checkpoint_ms.merge(other.checkpoint_ms);
        self.decisions += other.decisions;
        for (tier, count) in other.by_tier {
            *self.by_tier.entry(tier).or_insert(0) += count;
        }
        for (category, (decisions, overrides)) in other.by_category {
            let mine = self.category(Some(&category));
            mine.0 += decisions;
            mine.1 += overrides;
        }
        self.overrides += other.overrides;
        self.estimated_usd += other.estimated_usd;
        self.opus_usd += other.opus_usd;
        if let Some(actual) = other.actual_usd_opt {
            *self.actual_usd_opt.get_or_insert(0.0) += actual;
        }
        self.submitted += other.submitted;
        self.completed += other.completed;
        self.failed += other.failed;
        self.cancelled += other.cancelled;
        self.dead += other.dead;
        self.wait_ms.merge(other.wait_ms);
        self.run_ms.merge(other.run_ms);
    }

    fn category(&mut self, category_opt: Option<&str>) -> &mut (u64, u64) {
        let category = category_opt.unwrap_or("other");
        if !self.by_category.contains_key(category) && self.by_category.len() >= MAX_CATEGORIES {
            return self.by_category.entry("other".to_owned()).or_default();
        }
        self.by_category.entry(category.to_owned()).or_default()
    }
}

/// Reads the events stored in `[since_ms, until_ms)` into a tally, within `deadline`.
///
/// The period's first event is found by time; from there the sequence range is cut into up to
/// [`MAX_READERS`] parts read side by side, each by its own consumer (the server serves each on its own), and
/// their tallies are merged.
pub async fn tally_events(
    js: &jetstream::Context,
    since_ms: u64,
    until_ms: u64,
    deadline: Duration,
) -> AnalyticsResult<EventTally> {
    let work = async {
        let mut stream = js
            .get_stream(subject::EVENTS_STREAM)
            .await
            .map_err(unavailable)?;
        let info = stream.info().await.map_err(unavailable)?;
        let last = info.state.last_sequence;
        if info.state.messages == 0 || last == 0 {
            return Ok(EventTally::default());
        }
        let start =
            time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(since_ms) * 1_000_000)
                .map_err(|error| {
                    AnalyticsError::BadRequest(format!("bad period start: {error}"))
                })?;
        let Some(first) = first_sequence_since(&stream, start).await? else {
            return Ok(EventTally::default());
        };
        let span = last.saturating_sub(first) + 1;
        let readers = if span < MIN_PER_READER {
            1
        } else {
            (span / MIN_PER_READER).min(MAX_READERS)
        };
        let part = span.div_ceil(readers);
        let until_ns = i128::from(until_ms) * 1_000_000;
        let reads = (0..readers).map(|index| {
            let from = first + index * part;
            let to = (from + part - 1).min(last);
            read_range(&stream, from, to, until_ns)
        });
        let mut tally = EventTally::default();
        for part in futures::future::try_join_all(reads).await? {
            tally.merge(part);
        }
        Ok(tally)
    };
    tokio::time::timeout(deadline, work)
        .await
        .map_err(|_| AnalyticsError::Timeout(deadline))?
}

/// An amount an event claims, when it can be one: finite, not negative, and under a million dollars (one
/// absurd value would otherwise make the period's sum infinite, which JSON cannot carry).
fn dollars(value_opt: Option<f64>) -> Option<f64> {
    value_opt.filter(|value| value.is_finite() && (0.0..1e6).contains(value))
}

/// Fewest events worth a reader of their own.
const MIN_PER_READER: u64 = 50_000;

/// Most readers of one query.
const MAX_READERS: u64 = 4;

fn unavailable(error: impl std::fmt::Display) -> AnalyticsError {
    AnalyticsError::Unavailable(error.to_string())
}

/// An ephemeral pull consumer without acks from `deliver`, in memory; it goes away by itself 30 s after the
/// query stops pulling.
async fn query_consumer(
    stream: &jetstream::stream::Stream,
    deliver: DeliverPolicy,
) -> AnalyticsResult<jetstream::consumer::Consumer<pull::Config>> {
    stream
        .create_consumer(pull::Config {
            deliver_policy: deliver,
            ack_policy: AckPolicy::None,
            inactive_threshold: Duration::from_secs(30),
            memory_storage: true,
            ..pull::Config::default()
        })
        .await
        .map_err(unavailable)
}

/// [`query_consumer`]'s messages, pulled in large batches: one round trip per batch.
async fn reader(
    stream: &jetstream::stream::Stream,
    deliver: DeliverPolicy,
) -> AnalyticsResult<pull::Stream> {
    query_consumer(stream, deliver)
        .await?
        .stream()
        .max_messages_per_batch(QUERY_BATCH)
        .messages()
        .await
        .map_err(unavailable)
}

/// The sequence of the first event stored at or after `start`; `None` when there is none.
async fn first_sequence_since(
    stream: &jetstream::stream::Stream,
    start: time::OffsetDateTime,
) -> AnalyticsResult<Option<u64>> {
    // `fetch` asks without waiting: with nothing stored since `start` it ends at once, empty.
    let mut batch = query_consumer(stream, DeliverPolicy::ByStartTime { start_time: start })
        .await?
        .fetch()
        .max_messages(1)
        .messages()
        .await
        .map_err(unavailable)?;
    match batch.next().await {
        Some(Ok(message)) => Ok(message.info().ok().map(|meta| meta.stream_sequence)),
        Some(Err(error)) => Err(unavailable(error)),
        None => Ok(None),
    }
}

/// Tallies the events with sequences `from..=to` published before `until_ns`.
async fn read_range(
    stream: &jetstream::stream::Stream,
    from: u64,
    to: u64,
    until_ns: i128,
) -> AnalyticsResult<EventTally> {
    let mut tally = EventTally::default();
    let mut messages = reader(
        stream,
        DeliverPolicy::ByStartSequence {
            start_sequence: from,
        },
    )
    .await?;
    while let Some(message) = messages.next().await {
        let message = message.map_err(unavailable)?;
        let Ok(meta) = message.info() else {
            continue;
        };
        if meta.stream_sequence > to || meta.published.unix_timestamp_nanos() >= until_ns {
            break;
        }
        tally.add(&message.payload);
        if meta.stream_sequence == to {
            break;
        }
    }
    Ok(tally)
}

/// True when the session was active at some time in `[since_ms, until_ms)`.
pub fn active_in(record: &SessionRecord, since_ms: u64, until_ms: u64) -> bool {
    record.started_at_ms < until_ms && record.ended_at_ms.is_none_or(|ended| ended >= since_ms)
}

/// Builds the summary of `[since_ms, until_ms)` from the period's events and the session records.
pub fn summarise(
    tally: EventTally,
    records: &[SessionRecord],
    since_ms: u64,
    until_ms: u64,
    last_calls: u64,
) -> AnalyticsSummary {
    let active: Vec<&SessionRecord> = records
        .iter()
        .filter(|record| active_in(record, since_ms, until_ms))
        .collect();
    let mut outcomes: BTreeMap<String, u64> = SessionOutcome::ALL
        .iter()
        .map(|outcome| (outcome.as_str().to_owned(), 0))
        .collect();
    outcomes.insert("open".to_owned(), 0);
    let mut risk_ms: BTreeMap<String, u64> = ["safe", "warning", "danger"]
        .iter()
        .map(|level| ((*level).to_owned(), 0))
        .collect();
    for record in &active {
        let name = record.outcome.map_or("open", SessionOutcome::as_str);
        *outcomes.entry(name.to_owned()).or_insert(0) += 1;
        for (level, ms) in &record.time_at_level_ms {
            if let Some(total) = risk_ms.get_mut(level) {
                *total += ms;
            }
        }
    }
    let ended: Vec<&SessionRecord> = active
        .iter()
        .copied()
        .filter(|record| record.outcome.is_some())
        .collect();
    let interrupted = ended
        .iter()
        .filter(|record| record.outcome.is_some_and(SessionOutcome::is_interruption))
        .count() as u64;
    let mut by_category: Vec<CategoryRouting> = tally
        .by_category
        .iter()
        .map(|(category, (decisions, overrides))| CategoryRouting {
            category: category.clone(),
            decisions: *decisions,
            overrides: *overrides,
            override_rate: ratio(*overrides, *decisions),
        })
        .collect();
    by_category.sort_by(|left, right| {
        right
            .decisions
            .cmp(&left.decisions)
            .then_with(|| left.category.cmp(&right.category))
    });
    let mut by_tier: BTreeMap<String, u64> = ["haiku", "sonnet", "opus"]
        .iter()
        .map(|tier| ((*tier).to_owned(), 0))
        .collect();
    for (tier, count) in &tally.by_tier {
        *by_tier.entry(tier.clone()).or_insert(0) += count;
    }
    AnalyticsSummary {
        period: Period {
            since: stamp_millis(since_ms),
            until: stamp_millis(until_ms),
        },
        sessions: active.len() as u64,
        outcomes,
        interruption_rate: ratio(interrupted, ended.len() as u64),
        resumes: ResumeCounts {
            offered: tally.offered,
            taken: tally.taken,
        },
        checkpoints: CheckpointStats {
            count: tally.checkpoints,
            latency_ms: tally.checkpoint_ms.spread(),
        },
        risk_time_s: risk_ms
            .into_iter()
            .map(|(level, ms)| (level, ms as f64 / 1000.0))
            .collect(),
        routing: RoutingStats {
            decisions: tally.decisions,
            by_tier,
            overrides: tally.overrides,
            by_category,
        },
        spend: SpendStats {
            estimated_usd: tally.estimated_usd,
            actual_usd: tally.actual_usd_opt,
            always_opus_usd: tally.opus_usd,
            savings_usd: (tally.opus_usd - tally.estimated_usd).max(0.0),
        },
        queue: QueueStats {
            submitted: tally.submitted,
            completed: tally.completed,
            failed: tally.failed,
            cancelled: tally.cancelled,
            dead: tally.dead,
            wait_ms: tally.wait_ms.spread(),
            run_ms: tally.run_ms.spread(),
        },
        crash_prediction: crash_prediction(ended.iter().copied(), last_calls),
        events_read: tally.read,
    }
}

#[cfg(test)]
mod tests;
