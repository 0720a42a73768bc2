//! The summary of a period: one pass over the stored events from the period's start (cut into sequence ranges
//! read side by side), decoding only the fields it counts, plus the session records.

use std::{borrow::Cow, collections::BTreeMap, time::Duration};

use async_nats::jetstream::{
    self,
    consumer::{AckPolicy, DeliverPolicy, pull},
};
use futures::StreamExt;
use serde::{Deserialize, Serialize};
use shim_protocol::{
    messages::{
        AnalyticsSummary, CategoryRouting, CheckpointStats, Period, QueueStats, ResumeCounts,
        RoutingStats, SessionOutcome, SessionRecord, SpendStats, Spread,
    },
    subject,
};
use sketches_ddsketch::{Config as SketchConfig, DDSketch};

use super::{
    AnalyticsError, AnalyticsResult,
    outcome::stamp_millis,
    prediction::{crash_prediction, ratio},
    rollup::Rollups,
};

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
    #[serde(default, borrow)]
    recommended: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    chosen: Option<Cow<'a, str>>,
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

/// A distribution of durations in milliseconds, as a DDSketch: percentiles within 1% of the true value, the
/// maximum exact, a size that depends on the range of values and not their number, and parts that merge
/// into exactly the sketch of the whole (what lets stored rollups stand in for their events).
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Distribution(Option<DDSketch>);

impl std::fmt::Debug for Distribution {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self.0.as_ref().map_or(0, DDSketch::count);
        write!(formatter, "Distribution({count} values)")
    }
}

impl Distribution {
    /// Adds a duration; one that is not a finite, non-negative number is left out.
    fn add(&mut self, value: f64) {
        if value.is_finite() && value >= 0.0 {
            self.0
                .get_or_insert_with(|| DDSketch::new(SketchConfig::defaults()))
                .add(value);
        }
    }

    fn merge(&mut self, other: Distribution) {
        let Some(theirs) = other.0 else {
            return;
        };
        match &mut self.0 {
            None => self.0 = Some(theirs),
            Some(mine) => {
                // Every sketch SHIM writes has the default configuration; one that does not cannot be merged
                // and is left out rather than counted wrongly.
                if let Err(error) = mine.merge(&theirs) {
                    tracing::debug!(%error, "a latency sketch with another configuration was left out");
                }
            }
        }
    }

    fn spread(&self) -> Spread {
        let at = |q: f64| {
            self.0
                .as_ref()
                .and_then(|sketch| sketch.quantile(q).ok().flatten())
        };
        Spread {
            p50: at(0.5),
            p95: at(0.95),
            max: self.0.as_ref().and_then(DDSketch::max),
        }
    }
}

/// What one pass over the events counts; stored as a rollup's tally.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct EventTally {
    /// Events counted.
    pub read: u64,
    /// Of those, events read from the stream by this query (the rest came from rollups).
    #[serde(skip)]
    pub read_raw: u64,
    /// Events that did not decode.
    pub malformed: u64,
    offered: u64,
    taken: u64,
    checkpoints: u64,
    checkpoint_ms: Distribution,
    decisions: u64,
    by_tier: BTreeMap<String, u64>,
    by_category: BTreeMap<String, (u64, u64)>,
    /// Per category, the overrides to a higher tier than recommended and to a lower one (rollups written
    /// before it was counted have none).
    #[serde(default)]
    by_direction: BTreeMap<String, (u64, u64)>,
    overrides: u64,
    estimated_usd: f64,
    opus_usd: f64,
    actual_usd_opt: Option<f64>,
    submitted: u64,
    completed: u64,
    failed: u64,
    cancelled: u64,
    dead: u64,
    wait_ms: Distribution,
    run_ms: Distribution,
}

impl EventTally {
    /// Counts one stored event's payload.
    pub fn add(&mut self, payload: &[u8]) {
        self.read += 1;
        self.read_raw += 1;
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
                let category = self.category_name(data.category.as_deref());
                self.by_category.entry(category.clone()).or_default().1 += 1;
                let rank = |tier: &Option<Cow<'_, str>>| match tier.as_deref() {
                    Some("haiku") => Some(0),
                    Some("sonnet") => Some(1),
                    Some("opus") => Some(2),
                    _ => None,
                };
                if let (Some(recommended), Some(chosen)) =
                    (rank(&data.recommended), rank(&data.chosen))
                    && recommended != chosen
                {
                    let direction = self.by_direction.entry(category).or_default();
                    if chosen > recommended {
                        direction.0 += 1;
                    } else {
                        direction.1 += 1;
                    }
                }
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
        self.read_raw += other.read_raw;
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
        for (category, (up, down)) in other.by_direction {
            let mine = self
                .by_direction
                .entry(category_name_in(&self.by_category, Some(&category)))
                .or_default();
            mine.0 += up;
            mine.1 += down;
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
        let category = self.category_name(category_opt);
        self.by_category.entry(category).or_default()
    }

    /// The name a category is counted under: its own, or `other` past [`MAX_CATEGORIES`].
    fn category_name(&self, category_opt: Option<&str>) -> String {
        category_name_in(&self.by_category, category_opt)
    }
}

fn category_name_in(
    by_category: &BTreeMap<String, (u64, u64)>,
    category_opt: Option<&str>,
) -> String {
    let category = category_opt.unwrap_or("other");
    if !by_category.contains_key(category) && by_category.len() >= MAX_CATEGORIES {
        "other".to_owned()
    } else {
        category.to_owned()
    }
}

/// Reads the events stored in `[since_ms, until_ms)` into a tally, within `deadline`.
///
/// The period's first event is found by time. From there, the rollups inside the period stand for their
/// events; what they do not cover (the start of the period, gaps, the events not rolled up yet) is read
/// event by event, cut into up to [`MAX_READERS`] parts read side by side, each by its own consumer. The
/// tallies are merged.
pub async fn tally_events(
    js: &jetstream::Context,
    rollups_opt: Option<&Rollups>,
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
        let Some((first, _)) =
            peek(&stream, DeliverPolicy::ByStartTime { start_time: start }).await?
        else {
            return Ok(EventTally::default());
        };
        let until_ns = i128::from(until_ms) * 1_000_000;
        let mut tally = EventTally::default();
        let mut gaps = Vec::new();
        let mut cursor = first;
        if let Some(rollups) = rollups_opt {
            for rollup in rollups.tiling(first, until_ns).await? {
                if rollup.first > last {
                    break;
                }
                if rollup.first > cursor {
                    gaps.push((cursor, rollup.first - 1));
                }
                cursor = rollup.last + 1;
                tally.merge(rollup.tally);
            }
        }
        if cursor <= last {
            gaps.push((cursor, last));
        }
        let mut reads = futures::stream::iter(cut(&gaps))
            .map(|(from, to)| read_range(&stream, from, to, until_ns))
            .buffer_unordered(MAX_READERS as usize);
        while let Some(read) = reads.next().await {
            tally.merge(read?.0);
        }
        Ok(tally)
    };
    tokio::time::timeout(deadline, work)
        .await
        .map_err(|_| AnalyticsError::Timeout(deadline))?
}

/// Cuts the sequence ranges to read into pieces of about the same size, enough for [`MAX_READERS`]
/// readers when there are [`MIN_PER_READER`] events for each.
fn cut(ranges: &[(u64, u64)]) -> Vec<(u64, u64)> {
    let total: u64 = ranges.iter().map(|(from, to)| to - from + 1).sum();
    let readers = (total / MIN_PER_READER).clamp(1, MAX_READERS);
    let part = total.div_ceil(readers).max(1);
    let mut pieces = Vec::new();
    for &(from, to) in ranges {
        let mut start = from;
        while start <= to {
            let end = to.min(start.saturating_add(part - 1));
            pieces.push((start, end));
            start = end + 1;
        }
    }
    pieces
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
    // async-nats' pull defaults, stated so they do not move under us: each pull waits up to 30 s at the
    // server; the idle heartbeat (off by default) turns a pull the server lost into an error in 10 s rather
    // than a wait to the query's deadline.
    query_consumer(stream, deliver)
        .await?
        .stream()
        .max_messages_per_batch(QUERY_BATCH)
        .expires(Duration::from_secs(30))
        .heartbeat(Duration::from_secs(5))
        .messages()
        .await
        .map_err(unavailable)
}

/// The sequence and store time (ns) of the first event `deliver` points at; `None` when there is none.
pub(super) async fn peek(
    stream: &jetstream::stream::Stream,
    deliver: DeliverPolicy,
) -> AnalyticsResult<Option<(u64, i128)>> {
    // `fetch` asks without waiting: with nothing stored from there it ends at once, empty.
    let mut batch = query_consumer(stream, deliver)
        .await?
        .fetch()
        .max_messages(1)
        .messages()
        .await
        .map_err(unavailable)?;
    match batch.next().await {
        Some(Ok(message)) => Ok(message
            .info()
            .ok()
            .map(|meta| (meta.stream_sequence, meta.published.unix_timestamp_nanos()))),
        Some(Err(error)) => Err(unavailable(error)),
        None => Ok(None),
    }
}

/// Tallies the events with sequences `from..=to` stored before `until_ns`; returns the tally and the store
/// time (ns) of the last event counted (0 when none was).
pub(super) async fn read_range(
    stream: &jetstream::stream::Stream,
    from: u64,
    to: u64,
    until_ns: i128,
) -> AnalyticsResult<(EventTally, i128)> {
    let mut tally = EventTally::default();
    let mut last_ns = 0;
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
        let stored_ns = meta.published.unix_timestamp_nanos();
        if meta.stream_sequence > to || stored_ns >= until_ns {
            break;
        }
        tally.add(&message.payload);
        last_ns = stored_ns;
        // Nothing stored after this one (the range's own last event was deleted, say): waiting for `to`
        // would last until the deadline, and anything stored later lies beyond the range anyway.
        if meta.stream_sequence == to || meta.pending == 0 {
            break;
        }
    }
    Ok((tally, last_ns))
}

/// True when the session was active at some time in `[since_ms, until_ms)`.
pub fn active_in(record: &SessionRecord, since_ms: u64, until_ms: u64) -> bool {
    record.started_at_ms < until_ms && record.ended_at_ms.is_none_or(|ended| ended >= since_ms)
}

/// True when the session's outcome was decided by an end in `[since_ms, until_ms)`: each session's outcome
/// counts in the one period it ended in, and as `open` in the periods before.
pub fn ended_in(record: &SessionRecord, since_ms: u64, until_ms: u64) -> bool {
    record.outcome.is_some()
        && record
            .ended_at_ms
            .is_some_and(|ended| (since_ms..until_ms).contains(&ended))
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
        let name = record
            .outcome
            .filter(|_| ended_in(record, since_ms, until_ms))
            .map_or("open", SessionOutcome::as_str);
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
        .filter(|record| ended_in(record, since_ms, until_ms))
        .collect();
    let interrupted = ended
        .iter()
        .filter(|record| record.outcome.is_some_and(SessionOutcome::is_interruption))
        .count() as u64;
    let mut by_category: Vec<CategoryRouting> = tally
        .by_category
        .iter()
        .map(|(category, (decisions, overrides))| {
            let (up, down) = tally
                .by_direction
                .get(category)
                .copied()
                .unwrap_or_default();
            CategoryRouting {
                category: category.clone(),
                decisions: *decisions,
                overrides: *overrides,
                override_rate: ratio(*overrides, *decisions),
                overrides_up: up,
                overrides_down: down,
            }
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
        sessions_truncated: false,
    }
}

#[cfg(test)]
mod tests;
