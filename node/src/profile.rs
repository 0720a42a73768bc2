//! The user model: what SHIM knows of the person it works for, and what they told it. What they set is kept
//! in `profile.toml` in the data dir (0600), visible and editable (`shim-node profile show|set|reset`, or by
//! hand); what is learned from their behaviour (tiers from overrides, working hours from session starts,
//! the weekly spend and the latency tolerance from what sessions cost and how slow they ran) is read where it
//! is kept and shown beside it.
//!
//! The node reads the file when it starts and again when it changes ([`watch`]): tier preferences and the
//! weekly spend (set, or else learned: [`learn`]) go to the model router, working hours to the Kaizen loop (which proposes by itself only
//! outside them), the tolerances to the experiment manager (the guardrail margins of experiments planned
//! from then on). Each change the node picks up is published as `profile.changed` with what changed, and what
//! it learns anew as `profile.learned`.

use std::{
    collections::BTreeMap,
    fmt,
    path::{Path, PathBuf},
    time::{Duration, SystemTime},
};

use anyhow::Context;
use serde::{Deserialize, Serialize};
use shim_actors::{
    EventEmitter,
    experiment_manager::{ExperimentManager, ExperimentManagerMessage},
    model_router::{ModelRouter, ModelRouterMessage, learning::CATEGORIES, router::Tier},
};
use tokio::sync::watch;
use tracing::{info, warn};

/// Largest profile file read, in bytes: a hand edit gone wrong must not fill memory.
pub const MAX_PROFILE_BYTES: u64 = 64 * 1024;

/// How often the node looks for a change to the file.
pub const WATCH_EVERY: Duration = Duration::from_secs(2);

/// What the person set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// Preferred tier per task type: prompts of that type go to it (unless the prompt names a tier). Tier
    /// names are read in any case, as the commands take them.
    #[serde(
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "tiers_in_any_case"
    )]
    pub tiers: BTreeMap<String, Tier>,
    /// Working hours, local time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<Hours>,
    /// Spend per 7 days the person accepts, in US dollars: the router economizes near it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_per_week_usd: Option<f64>,
    /// How much more a session may cost under a Kaizen treatment (0.05 is 5%).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cost_increase: Option<f64>,
    /// How much slower API requests may get under a Kaizen treatment (0.10 is 10%).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latency_increase: Option<f64>,
}

/// Reads `[tiers]` as the commands take it: `test = "Opus"` is opus.
fn tiers_in_any_case<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, Tier>, D::Error> {
    BTreeMap::<String, String>::deserialize(deserializer)?
        .into_iter()
        .map(|(category, name)| match Tier::parse(&name) {
            Some(tier) => Ok((category, tier)),
            None => Err(serde::de::Error::custom(format!(
                "{name:?} (tiers.{category}) is not a tier: haiku, sonnet or opus"
            ))),
        })
        .collect()
}

/// The Kaizen guardrails' margins: the config's `[kaizen]` values, or the person's where they set them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerances {
    /// How much more a session may cost under a treatment (0.05 is 5%).
    pub cost_increase: f64,
    /// How much slower API requests may get under a treatment.
    pub latency_increase: f64,
}

/// Working hours: from `start` to `end` o'clock, local time; `end` before `start` runs past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hours {
    /// First hour (0 to 23).
    pub start: u8,
    /// Hour it ends (1 to 24); the hour `end` itself is outside.
    pub end: u8,
}

impl Hours {
    /// Parses `9-18`, `09-18` or `22-6`.
    pub fn parse(text: &str) -> Result<Hours, String> {
        let bad = || format!("{text:?} is not hours like 9-18 (from 9 to 18 o'clock, local time)");
        let (start, end) = text.trim().split_once('-').ok_or_else(bad)?;
        let start: u8 = start.trim().parse().map_err(|_| bad())?;
        let end: u8 = end.trim().parse().map_err(|_| bad())?;
        if start > 23 || end > 24 || end == 0 || start == end {
            return Err(bad());
        }
        Ok(Hours { start, end })
    }

    /// Whether `hour` (0 to 23) is inside.
    pub fn contains(self, hour: u8) -> bool {
        if self.start < self.end {
            (self.start..self.end).contains(&hour)
        } else {
            hour >= self.start || hour < self.end
        }
    }
}

impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{:02}", self.start, self.end)
    }
}

impl Serialize for Hours {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hours {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Hours::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// The hour now (0 to 23), local time.
pub fn local_hour_now() -> u8 {
    use chrono::Timelike;
    chrono::Local::now().hour() as u8
}

/// Days of sessions the working hours are observed from.
pub const HOURS_WINDOW_DAYS: u64 = 30;

/// Share of session starts the observed working hours cover.
pub const HOURS_SHARE: f64 = 0.8;

/// Fewest session starts working hours are observed from.
pub const MIN_SESSIONS_FOR_HOURS: usize = 10;

/// The working hours observed from session starts (milliseconds since the epoch, of the last
/// [`HOURS_WINDOW_DAYS`]): the span holding [`HOURS_SHARE`] of them, with the share and the number of
/// starts; `None` under [`MIN_SESSIONS_FOR_HOURS`] starts or when they spread over the whole day.
pub fn observed_hours(starts_ms: &[u64]) -> Option<(Hours, f64, usize)> {
    working_hours(&local_hours(starts_ms))
}

/// The local hour (0 to 23) of each time.
fn local_hours(starts_ms: &[u64]) -> Vec<u8> {
    use chrono::{Local, TimeZone, Timelike};
    starts_ms
        .iter()
        .filter_map(|ms| Local.timestamp_millis_opt(*ms as i64).single())
        .map(|time| time.hour() as u8)
        .collect()
}

/// Weeks before the current one the weekly spend is learned from.
pub const SPEND_WEEKS: u64 = 3;

/// The learned weekly spend is this much above the most spent in one of the weeks it is learned from.
pub const SPEND_MARGIN: f64 = 1.5;

/// Fewest sessions with a cost, in the weeks before the current one, the weekly spend is learned from.
pub const MIN_SESSIONS_FOR_SPEND: usize = 5;

/// How often the node learns the weekly spend again.
pub const LEARN_EVERY: Duration = Duration::from_secs(15 * 60);

/// The spend per 7 days learned from what the person's sessions cost.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearnedSpend {
    /// [`SPEND_MARGIN`] times the most spent in one of the weeks before the current one, US dollars.
    pub weekly_usd: f64,
    /// What each of the [`SPEND_WEEKS`] weeks before the current one cost, the latest first.
    pub weeks_usd: Vec<f64>,
    /// Sessions with a cost in those weeks.
    pub sessions: usize,
}

/// The spend per 7 days learned from sessions (their start, milliseconds since the epoch, and their cost in US
/// dollars) as of `now_ms`: [`SPEND_MARGIN`] times the most spent in one of the [`SPEND_WEEKS`] 7-day weeks
/// before the current one (the current one is what it is compared with, so it is left out). `None` with fewer
/// than [`MIN_SESSIONS_FOR_SPEND`] sessions with a cost in those weeks, or fewer than two weeks with spend.
pub fn learned_spend(sessions: &[(u64, f64)], now_ms: u64) -> Option<LearnedSpend> {
    const WEEK_MS: u64 = 7 * 24 * 3600 * 1000;
    let mut weeks_usd = vec![0.0; SPEND_WEEKS as usize];
    let mut counted = 0;
    for (started_ms, cost_usd) in sessions {
        if !cost_usd.is_finite() || *cost_usd <= 0.0 || *started_ms > now_ms {
            continue;
        }
        let week = (now_ms - started_ms) / WEEK_MS;
        if (1..=SPEND_WEEKS).contains(&week) {
            weeks_usd[week as usize - 1] += cost_usd;
            counted += 1;
        }
    }
    let weeks_with_spend = weeks_usd.iter().filter(|usd| **usd > 0.0).count();
    if counted < MIN_SESSIONS_FOR_SPEND || weeks_with_spend < 2 {
        return None;
    }
    let most = weeks_usd.iter().copied().fold(0.0, f64::max);
    Some(LearnedSpend {
        weekly_usd: most * SPEND_MARGIN,
        weeks_usd,
        sessions: counted,
    })
}

/// Fewest sessions with API requests the latency tolerance is learned from.
pub const MIN_SESSIONS_FOR_LATENCY: usize = 20;

/// The range a learned latency tolerance is kept in: never tighter than 5%, never looser than 50%.
pub const LATENCY_TOLERANCE_RANGE: [f64; 2] = [0.05, 0.5];

/// The latency tolerance learned from the person's sessions: how much slower than their typical session their
/// slower ones ran while they worked on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LearnedLatency {
    /// The 75th percentile of the sessions' mean request latency over their median, less one, kept within
    /// [`LATENCY_TOLERANCE_RANGE`] and rounded to hundredths: the Kaizen guardrail's margin on `latency_ms`.
    pub increase: f64,
    /// The median session's mean request latency, milliseconds.
    pub median_ms: f64,
    /// The 75th percentile's, milliseconds.
    pub slower_ms: f64,
    /// Sessions it was learned from.
    pub sessions: usize,
}

/// The latency tolerance learned from the sessions' mean request latencies (milliseconds): see
/// [`LearnedLatency`]. `None` under [`MIN_SESSIONS_FOR_LATENCY`] sessions.
pub fn learned_latency(latencies_ms: &[f64]) -> Option<LearnedLatency> {
    let mut sorted: Vec<f64> = latencies_ms
        .iter()
        .copied()
        .filter(|ms| ms.is_finite() && *ms > 0.0)
        .collect();
    if sorted.len() < MIN_SESSIONS_FOR_LATENCY {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    // Nearest rank.
    let rank = |share: f64| {
        sorted[((share * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
    };
    let (median_ms, slower_ms) = (rank(0.5), rank(0.75));
    let [least, most] = LATENCY_TOLERANCE_RANGE;
    let increase = ((slower_ms / median_ms - 1.0).clamp(least, most) * 100.0).round() / 100.0;
    Some(LearnedLatency {
        increase,
        median_ms,
        slower_ms,
        sessions: sorted.len(),
    })
}

/// What the node learned from the person's sessions.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Learned {
    /// The weekly spend ([`learned_spend`]).
    pub spend_opt: Option<LearnedSpend>,
    /// The latency tolerance ([`learned_latency`]).
    pub latency_opt: Option<LearnedLatency>,
}

impl Learned {
    /// The latency tolerance learned, when it counts: a learned one stands in for the built-in one, not for one
    /// the config file sets (`latency_in_config`).
    pub fn counted_latency(&self, latency_in_config: bool) -> Option<&LearnedLatency> {
        self.latency_opt.as_ref().filter(|_| !latency_in_config)
    }

    /// Learns both from session records of this machine's node, as of `now_ms`.
    pub fn from_records<'a>(
        records: impl IntoIterator<Item = &'a shim_protocol::messages::SessionRecord>,
        node_id: &str,
        now_ms: u64,
    ) -> Learned {
        let since = now_ms.saturating_sub(HOURS_WINDOW_DAYS * 24 * 3600 * 1000);
        let mine: Vec<&shim_protocol::messages::SessionRecord> = records
            .into_iter()
            .filter(|record| {
                record.started_at_ms >= since && record.node_id.as_deref() == Some(node_id)
            })
            .collect();
        let spent: Vec<(u64, f64)> = mine
            .iter()
            .filter_map(|record| Some((record.started_at_ms, record.cost_usd?)))
            .collect();
        let latencies: Vec<f64> = mine
            .iter()
            .filter(|record| record.api_requests > 0)
            .map(|record| record.api_duration_ms as f64 / record.api_requests as f64)
            .collect();
        Learned {
            spend_opt: learned_spend(&spent, now_ms),
            latency_opt: learned_latency(&latencies),
        }
    }
}

/// Learns the weekly spend and the latency tolerance from the sessions of node `node_id` (this machine's: the
/// router's spend is counted per node too) in `analytics` now and every [`LEARN_EVERY`] until `shutdown`, and
/// hands them to `learned` ([`watch`] passes them on where the person set none).
pub async fn learn(
    node_id: String,
    analytics: std::sync::Arc<crate::analytics::Analytics>,
    learned: watch::Sender<Learned>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut ticks = tokio::time::interval(LEARN_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            _ = shutdown.wait_for(|stop| *stop) => return,
        }
        let now = shim_actors::now_ms();
        let now_learned = match analytics.all_sessions().await {
            Ok(listing) => Learned::from_records(
                listing.sessions.iter().map(|session| &session.record),
                &node_id,
                now,
            ),
            Err(error) => {
                warn!(%error, "your weekly spend and latency tolerance were not learned this time: the session records could not be read");
                continue;
            }
        };
        learned.send_if_modified(|known| {
            if *known == now_learned {
                return false;
            }
            if let Some(spend) = &now_learned.spend_opt
                && known.spend_opt.as_ref() != Some(spend)
            {
                info!(weekly_usd = spend.weekly_usd, weeks_usd = ?spend.weeks_usd, "learned your weekly spend from your sessions; the router economizes near it unless you set cost_per_week_usd");
            }
            if let Some(latency) = &now_learned.latency_opt
                && known.latency_opt.as_ref() != Some(latency)
            {
                info!(increase = latency.increase, median_ms = latency.median_ms, slower_ms = latency.slower_ms, "learned your latency tolerance from your sessions; the Kaizen guardrail on latency keeps to it unless you or the config set one");
            }
            *known = now_learned.clone();
            true
        });
    }
}

/// The shortest span of whole hours (past midnight if need be) in which [`HOURS_SHARE`] of `hours` fall, the
/// fullest of those; with the share it covers and the number of starts. `None` under
/// [`MIN_SESSIONS_FOR_HOURS`] starts.
fn working_hours(hours: &[u8]) -> Option<(Hours, f64, usize)> {
    if hours.len() < MIN_SESSIONS_FOR_HOURS {
        return None;
    }
    let mut counts = [0usize; 24];
    for hour in hours {
        counts[usize::from(*hour) % 24] += 1;
    }
    let needed = (hours.len() as f64 * HOURS_SHARE).ceil() as usize;
    for length in 1..=24usize {
        let best = (0..24usize)
            .map(|start| {
                let covered: usize = (0..length).map(|step| counts[(start + step) % 24]).sum();
                (covered, start)
            })
            .filter(|(covered, _)| *covered >= needed)
            // The fullest; of equals, the earliest start.
            .max_by_key(|(covered, start)| (*covered, std::cmp::Reverse(*start)));
        if let Some((covered, start)) = best {
            let end = (start + length) % 24;
            let hours_span = Hours {
                start: start as u8,
                end: if end == 0 { 24 } else { end as u8 },
            };
            if length == 24 {
                return None;
            }
            return Some((hours_span, covered as f64 / hours.len() as f64, hours.len()));
        }
    }
    None
}

/// The keys `shim-node profile set` and `reset` take.
pub const KEYS: [&str; 5] = [
    "tier.<task type>",
    "hours",
    "cost_per_week_usd",
    "cost_increase",
    "latency_increase",
];

impl Profile {
    /// Sets `key` to `value`, checked; the old value, as text, if there was one.
    pub fn set(&mut self, key: &str, value: &str) -> Result<Option<String>, String> {
        let value = value.trim();
        if let Some(category) = key.strip_prefix("tier.") {
            check_category(category)?;
            let tier = Tier::parse(value)
                .ok_or_else(|| format!("{value:?} is not a tier: haiku, sonnet or opus"))?;
            return Ok(self
                .tiers
                .insert(category.to_owned(), tier)
                .map(|old| old.to_string()));
        }
        match key {
            "hours" => {
                let hours = Hours::parse(value)?;
                Ok(self.hours.replace(hours).map(|old| old.to_string()))
            }
            "cost_per_week_usd" => {
                let usd = number(key, value)?;
                if usd <= 0.0 || usd > 1_000_000.0 {
                    return Err(format!(
                        "cost_per_week_usd must be more than 0 and at most 1000000 (got {value})"
                    ));
                }
                Ok(self
                    .cost_per_week_usd
                    .replace(usd)
                    .map(|old| old.to_string()))
            }
            "cost_increase" | "latency_increase" => {
                let share = share(key, value)?;
                let slot = match key {
                    "cost_increase" => &mut self.cost_increase,
                    _ => &mut self.latency_increase,
                };
                Ok(slot.replace(share).map(|old| old.to_string()))
            }
            _ => Err(unknown_key(key)),
        }
    }

    /// Forgets what was set for `key`; the old value, as text, if there was one.
    pub fn reset(&mut self, key: &str) -> Result<Option<String>, String> {
        if let Some(category) = key.strip_prefix("tier.") {
            check_category(category)?;
            return Ok(self.tiers.remove(category).map(|old| old.to_string()));
        }
        let old = match key {
            "hours" => self.hours.take().map(|old| old.to_string()),
            "cost_per_week_usd" => self.cost_per_week_usd.take().map(|old| old.to_string()),
            "cost_increase" => self.cost_increase.take().map(|old| old.to_string()),
            "latency_increase" => self.latency_increase.take().map(|old| old.to_string()),
            _ => return Err(unknown_key(key)),
        };
        Ok(old)
    }

    /// Every value set, as `key = value` text, in key order.
    pub fn entries(&self) -> BTreeMap<String, String> {
        let mut entries: BTreeMap<String, String> = self
            .tiers
            .iter()
            .map(|(category, tier)| (format!("tier.{category}"), tier.to_string()))
            .collect();
        let mut put = |key: &str, value: Option<String>| {
            if let Some(value) = value {
                entries.insert(key.to_owned(), value);
            }
        };
        put("hours", self.hours.map(|hours| hours.to_string()));
        put(
            "cost_per_week_usd",
            self.cost_per_week_usd.map(|usd| usd.to_string()),
        );
        put(
            "cost_increase",
            self.cost_increase.map(|share| share.to_string()),
        );
        put(
            "latency_increase",
            self.latency_increase.map(|share| share.to_string()),
        );
        entries
    }

    /// Checks a profile read from the file (a hand edit may hold anything the commands refuse).
    pub fn check(&self) -> Result<(), String> {
        let mut copy = Profile::default();
        for (key, value) in self.entries() {
            copy.set(&key, &value)
                .map_err(|error| format!("{key}: {error}"))?;
        }
        Ok(())
    }

    /// The tolerances in force: the person's, else `base` (the config's).
    pub fn tolerances(&self, base: Tolerances) -> Tolerances {
        Tolerances {
            cost_increase: self.cost_increase.unwrap_or(base.cost_increase),
            latency_increase: self.latency_increase.unwrap_or(base.latency_increase),
        }
    }

    /// The tolerances in force with what was learned from the sessions: the person's; else, for latency, the
    /// tolerance learned when it counts (`counted_latency_opt`, from [`Learned::counted_latency`]); else `base`
    /// (the config's, or the built-in ones). One rule for the node and for `profile show`.
    pub fn tolerances_with_learned(
        &self,
        base: Tolerances,
        counted_latency_opt: Option<&LearnedLatency>,
    ) -> Tolerances {
        let base = match counted_latency_opt.map(|latency| latency.increase) {
            Some(latency_increase) => Tolerances {
                latency_increase,
                ..base
            },
            None => base,
        };
        self.tolerances(base)
    }

    /// What the router takes from the profile: the weekly spend set, else `learned_weekly_usd_opt`, the one
    /// learned from the sessions' cost.
    pub fn router_message(&self, learned_weekly_usd_opt: Option<f64>) -> ModelRouterMessage {
        ModelRouterMessage::Preferences {
            tiers: self.tiers.clone(),
            weekly_limit_usd: self.cost_per_week_usd.or(learned_weekly_usd_opt),
        }
    }
}

fn check_category(category: &str) -> Result<(), String> {
    if CATEGORIES.contains(&category) {
        Ok(())
    } else {
        Err(format!(
            "{category:?} is not a task type; the task types are {}",
            CATEGORIES.join(", ")
        ))
    }
}

fn unknown_key(key: &str) -> String {
    format!(
        "{key:?} is not a profile key; the keys are {}",
        KEYS.join(", ")
    )
}

fn number(key: &str, value: &str) -> Result<f64, String> {
    value
        .trim_start_matches('$')
        .parse::<f64>()
        .ok()
        .filter(|number| number.is_finite())
        .ok_or_else(|| format!("{key} must be a number (got {value:?})"))
}

/// A share: `0.1` or `10%`, from 0 to 1.
fn share(key: &str, value: &str) -> Result<f64, String> {
    let share = match value.strip_suffix('%') {
        Some(percent) => number(key, percent.trim())? / 100.0,
        None => number(key, value)?,
    };
    // `-0` is negative as typed, though it equals 0.
    if !(0.0..=1.0).contains(&share) || share.is_sign_negative() {
        return Err(format!(
            "{key} must be a share from 0 to 1, or a percentage (got {value})"
        ));
    }
    Ok(share)
}

/// The profile file of the data dir `root`.
pub fn path(root: &Path) -> PathBuf {
    root.join("profile.toml")
}

/// Reads the profile; none set yet is the empty profile. A file that is too large, not TOML, or holds a
/// value the commands would refuse is an error naming it.
pub fn load(root: &Path) -> anyhow::Result<Profile> {
    let path = path(root);
    let file = match std::fs::File::open(&path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Profile::default()),
        Err(error) => {
            return Err(error).with_context(|| format!("failed to read {}", path.display()));
        }
    };
    let mut text = String::new();
    use std::io::Read;
    file.take(MAX_PROFILE_BYTES + 1)
        .read_to_string(&mut text)
        .with_context(|| format!("failed to read {}", path.display()))?;
    if text.len() as u64 > MAX_PROFILE_BYTES {
        anyhow::bail!(
            "{} is larger than {} KiB; a profile is a few lines",
            path.display(),
            MAX_PROFILE_BYTES / 1024
        );
    }
    let profile: Profile = toml::from_str(&text)
        .with_context(|| format!("{} is not a valid profile", path.display()))?;
    profile
        .check()
        .map_err(|error| anyhow::anyhow!("{} is not a valid profile: {error}", path.display()))?;
    Ok(profile)
}

/// Writes the profile whole (written beside, then renamed into place: a reader sees the old file or the new
/// one), 0600.
pub fn save(root: &Path, profile: &Profile) -> anyhow::Result<()> {
    crate::data_dir::private_dir(root)
        .with_context(|| format!("failed to create {}", root.display()))?;
    let text = format!(
        "# SHIM's user profile: what you set with `shim-node profile set` (docs/profile.md).\n{}",
        toml::to_string(profile).context("failed to write the profile")?
    );
    let mut staging = tempfile::NamedTempFile::new_in(root)
        .with_context(|| format!("failed to write in {}", root.display()))?;
    use std::io::Write;
    staging.write_all(text.as_bytes())?;
    staging.as_file().sync_all()?;
    staging
        .persist(path(root))
        .map_err(|error| error.error)
        .with_context(|| format!("failed to write {}", path(root).display()))?;
    Ok(())
}

/// When the file last changed, and its size: what the watcher compares.
fn stamp(root: &Path) -> Option<(SystemTime, u64)> {
    let metadata = std::fs::metadata(path(root)).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

/// What the profile watcher applies a profile over.
#[derive(Debug, Clone, Copy)]
pub struct Applied {
    /// The tolerances of the config (or the built-in ones).
    pub base: Tolerances,
    /// Whether the config file sets `[kaizen] max_latency_increase`: a learned latency tolerance then does not
    /// replace it.
    pub latency_in_config: bool,
    /// Whether the node runs an experiment manager (the Kaizen store opened): what is learned is published
    /// only once the manager has it.
    pub with_manager: bool,
}

/// Reads the profile now, then every [`WATCH_EVERY`] when the file changed, until `shutdown`: hands each
/// version to `profiles`, to the router (with the weekly spend `learned`, for when the person set none) and
/// (its tolerances over the config's, or the latency tolerance learned: [`Profile::tolerances_with_learned`])
/// to the experiment manager, and publishes what changed (`profile.changed`). What is learned anew is handed
/// on at once and published (`profile.learned`) once the router and the manager (when the node runs one) have
/// it. A file that cannot be read is reported once per version and the last good profile stays.
pub async fn watch(
    root: PathBuf,
    applied: Applied,
    emitter: EventEmitter,
    profiles: watch::Sender<Profile>,
    mut learned: watch::Receiver<Learned>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut last_stamp = None;
    let mut told_router = None;
    let mut told_manager = None;
    // What was learned, as last handed on: one value for the router, the manager and the event.
    let mut now_learned = learned.borrow_and_update().clone();
    // What was learned anew and not yet published (once the router and the experiment manager have it).
    let mut learned_untold = false;
    // False once the learner is gone for good (no analytics store): nothing more to wait for from it.
    let mut learning = true;
    let mut ticks = tokio::time::interval(WATCH_EVERY);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        // Whether the learner has sent something not yet handed on (`changed` marks it seen).
        let mut learned_anew = false;
        tokio::select! {
            _ = ticks.tick() => {}
            // What was learned is handed on at once, not at the next tick.
            changed = learned.changed(), if learning => match changed {
                Ok(()) => learned_anew = true,
                Err(_) => learning = false,
            },
            _ = shutdown.wait_for(|stop| *stop) => return,
        }
        let now_stamp = stamp(&root);
        if last_stamp != Some(now_stamp) {
            let first = last_stamp.is_none();
            last_stamp = Some(now_stamp);
            if let Some(profile) = read(&root, first).await {
                let before = profiles.borrow().entries();
                let after = profile.entries();
                let changed = changes(&before, &after);
                if !changed.is_empty() {
                    emitter.emit(
                        "profile",
                        "changed",
                        None,
                        serde_json::json!({"changes": changed, "profile": after}),
                    );
                }
                profiles.send_replace(profile);
                told_router = None;
                told_manager = None;
            }
        }
        // What was learned anew reaches the router and the experiment manager too.
        if learned_anew || learned.has_changed().unwrap_or(false) {
            now_learned = learned.borrow_and_update().clone();
            told_router = None;
            told_manager = None;
            learned_untold = true;
        }
        // The router hears of each version, and again when it was restarted (a new actor knows none).
        let learned_weekly_usd_opt = now_learned.spend_opt.as_ref().map(|spend| spend.weekly_usd);
        if let Some(router) = ModelRouter::find(emitter.node_id())
            && told_router != Some(router.get_id())
            && router
                .cast(profiles.borrow().router_message(learned_weekly_usd_opt))
                .is_ok()
        {
            told_router = Some(router.get_id());
        }
        if let Some(manager) = ExperimentManager::find(emitter.node_id())
            && told_manager != Some(manager.get_id())
        {
            let tolerances = profiles.borrow().tolerances_with_learned(
                applied.base,
                now_learned.counted_latency(applied.latency_in_config),
            );
            let message = ExperimentManagerMessage::Tolerances {
                max_cost_increase: tolerances.cost_increase,
                max_latency_increase: tolerances.latency_increase,
            };
            if manager.cast(message).is_ok() {
                told_manager = Some(manager.get_id());
            }
        }
        // A manager being restarted is not there to tell: the event waits for the new one.
        if learned_untold
            && told_router.is_some()
            && (!applied.with_manager || told_manager.is_some())
        {
            learned_untold = false;
            emitter.emit(
                "profile",
                "learned",
                None,
                serde_json::json!({
                    "learned_spend": now_learned.spend_opt,
                    "learned_latency": now_learned.latency_opt,
                }),
            );
        }
    }
}

/// Reads the profile off the async threads; a file that cannot be read is reported and gives `None`.
/// `first`: the read at the node's start, when there is no earlier profile to keep.
async fn read(root: &Path, first: bool) -> Option<Profile> {
    let root = root.to_path_buf();
    match tokio::task::spawn_blocking(move || load(&root)).await {
        Ok(Ok(profile)) => Some(profile),
        Ok(Err(error)) if first => {
            warn!(error = %format!("{error:#}"), "your profile was not read; the node runs without it until the file is fixed (`shim-node profile reset` starts it over)");
            None
        }
        Ok(Err(error)) => {
            warn!(error = %format!("{error:#}"), "your profile was not read; the last one read stays in force (`shim-node profile reset` starts it over)");
            None
        }
        Err(_) => None,
    }
}

/// Keys whose value differs, with the value before and after (`null` when unset).
pub fn changes(
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
) -> Vec<serde_json::Value> {
    let keys: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    keys.into_iter()
        .filter(|key| before.get(*key) != after.get(*key))
        .map(|key| serde_json::json!({"key": key, "from": before.get(key), "to": after.get(key)}))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_and_kept_as_set() {
        let mut profile = Profile::default();
        assert_eq!(profile.set("tier.test", "Opus"), Ok(None));
        assert_eq!(
            profile.set("tier.test", "haiku"),
            Ok(Some("opus".to_owned()))
        );
        assert!(
            profile
                .set("tier.cooking", "opus")
                .expect_err("refused")
                .contains("design, review")
        );
        assert!(
            profile
                .set("tier.test", "gpt")
                .expect_err("refused")
                .contains("haiku, sonnet or opus")
        );
        assert_eq!(profile.set("hours", "9-18"), Ok(None));
        assert_eq!(profile.hours, Some(Hours { start: 9, end: 18 }));
        assert!(profile.set("hours", "18-18").is_err());
        assert!(profile.set("hours", "9-25").is_err());
        assert!(profile.set("hours", "nine to five").is_err());
        assert_eq!(profile.set("cost_increase", "5%"), Ok(None));
        assert_eq!(profile.cost_increase, Some(0.05));
        assert!(profile.set("latency_increase", "1.5").is_err());
        assert!(profile.set("latency_increase", "NaN").is_err());
        assert!(profile.set("latency_increase", "-0").is_err());
        assert!(profile.set("cost_increase", "-0%").is_err());
        assert_eq!(
            profile.set("cost_increase", "0"),
            Ok(Some("0.05".to_owned()))
        );
        profile.set("cost_increase", "5%").expect("set");
        assert!(profile.set("cost_per_week_usd", "-3").is_err());
        assert_eq!(profile.set("cost_per_week_usd", "$40"), Ok(None));
        assert!(
            profile
                .set("mood", "good")
                .expect_err("refused")
                .contains("tier.<task type>")
        );
        assert_eq!(profile.reset("hours"), Ok(Some("09-18".to_owned())));
        assert_eq!(profile.reset("hours"), Ok(None));
        assert_eq!(profile.reset("tier.test"), Ok(Some("haiku".to_owned())));
    }

    #[test]
    fn hours_past_midnight_wrap() {
        let night = Hours::parse("22-6").expect("hours");
        assert!(night.contains(23) && night.contains(0) && night.contains(5));
        assert!(!night.contains(6) && !night.contains(12));
        let day = Hours::parse("09-18").expect("hours");
        assert!(day.contains(9) && day.contains(17) && !day.contains(18) && !day.contains(8));
    }

    #[test]
    fn the_file_round_trips_private_and_refuses_what_the_commands_would() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(load(dir.path()).expect("empty"), Profile::default());
        let mut profile = Profile::default();
        profile.set("tier.design", "opus").expect("set");
        profile.set("hours", "8-17").expect("set");
        profile.set("latency_increase", "0.2").expect("set");
        save(dir.path(), &profile).expect("saved");
        let mode = std::fs::metadata(path(dir.path()))
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(load(dir.path()).expect("read"), profile);
        std::fs::write(path(dir.path()), "[tiers]\ndesign = \"gpt\"\n").expect("hand edit");
        let error = format!("{:#}", load(dir.path()).expect_err("refused"));
        assert!(error.contains("not a valid profile"), "{error}");
        std::fs::write(path(dir.path()), "latency_increase = 7.0\n").expect("hand edit");
        let error = format!("{:#}", load(dir.path()).expect_err("refused"));
        assert!(error.contains("latency_increase"), "{error}");
        std::fs::write(path(dir.path()), "[tiers]\ntest = \"Opus\"\n").expect("hand edit");
        let read = load(dir.path()).expect("any case");
        assert_eq!(read.tiers.get("test"), Some(&Tier::Opus));
        save(dir.path(), &Profile::default()).expect("saved");
        let empty = std::fs::read_to_string(path(dir.path())).expect("file");
        assert!(!empty.contains("[tiers]"), "{empty}");
        std::fs::write(path(dir.path()), "#".repeat(70 * 1024)).expect("huge");
        let error = format!("{:#}", load(dir.path()).expect_err("refused"));
        assert!(error.contains("larger than"), "{error}");
    }

    #[test]
    fn changes_name_each_key_with_both_values() {
        let before = BTreeMap::from([("hours".to_owned(), "09-18".to_owned())]);
        let after = BTreeMap::from([("tier.test".to_owned(), "opus".to_owned())]);
        let changed = changes(&before, &after);
        assert_eq!(
            changed,
            vec![
                serde_json::json!({"key": "hours", "from": "09-18", "to": null}),
                serde_json::json!({"key": "tier.test", "from": null, "to": "opus"}),
            ]
        );
    }

    #[test]
    fn working_hours_are_the_shortest_span_holding_most_starts() {
        // Forty starts from 9 to 17, a few in the evening.
        let mut hours: Vec<u8> = (0..40).map(|index| 9 + (index % 9) as u8).collect();
        hours.extend([20, 21, 22]);
        let (span, share, sessions) = working_hours(&hours).expect("observed");
        assert_eq!(sessions, 43);
        assert!(share >= 0.8, "{share}");
        assert!(span.start >= 9 && span.end <= 18, "{span}");
        // Night owls: the span runs past midnight.
        let night: Vec<u8> = (0..30).map(|index| [22, 23, 0, 1][index % 4]).collect();
        let (span, _, _) = working_hours(&night).expect("observed");
        assert_eq!(span.to_string(), "22-02");
        assert!(span.contains(23) && span.contains(1) && !span.contains(2));
        // Too few to say.
        assert_eq!(working_hours(&[9, 10, 11]), None);
        // Spread over the whole day: no working hours to speak of.
        let spread: Vec<u8> = (0..48).map(|index| (index % 24) as u8).collect();
        assert!(working_hours(&spread).is_some_and(|(span, _, _)| span.start != span.end));
    }

    #[test]
    fn the_weekly_spend_is_learned_from_the_weeks_before_this_one() {
        let day = 24 * 3600 * 1000;
        let now = 100 * day;
        let at = |days_ago: u64, usd: f64| (now - days_ago * day, usd);
        // $40 one week, $20 the week before, $8 the week before that; this week's $500 is left out.
        let sessions = [
            at(1, 500.0),
            at(8, 25.0),
            at(12, 15.0),
            at(15, 12.0),
            at(20, 8.0),
            at(22, 8.0),
            at(29, 1_000.0),
        ];
        let learned = learned_spend(&sessions, now).expect("learned");
        assert_eq!(learned.weeks_usd, vec![40.0, 20.0, 8.0]);
        assert_eq!(learned.weekly_usd, 40.0 * SPEND_MARGIN);
        assert_eq!(learned.sessions, 5);
        // Too few sessions, or a single week with spend: nothing learned.
        assert_eq!(learned_spend(&sessions[..4], now), None);
        let one_week = [
            at(8, 1.0),
            at(9, 1.0),
            at(10, 1.0),
            at(11, 1.0),
            at(12, 1.0),
        ];
        assert_eq!(learned_spend(&one_week, now), None);
        // What no session could have cost is not counted: no cost, a negative or not-a-number cost, a start
        // in the future.
        let odd = [
            at(8, 1.0),
            at(9, 0.0),
            at(9, -5.0),
            at(10, f64::NAN),
            at(15, 1.0),
            at(16, 1.0),
            at(17, 1.0),
            (now + day, 1.0),
        ];
        assert_eq!(learned_spend(&odd, now), None);
        let learned = learned_spend(&[&odd[..], &[at(18, 1.0)]].concat(), now).expect("learned");
        assert_eq!(learned.weeks_usd, vec![1.0, 4.0, 0.0]);
        assert_eq!(learned.weekly_usd, 4.0 * SPEND_MARGIN);
    }

    #[test]
    fn yours_win_then_a_learned_latency_unless_the_config_sets_one_then_the_base() {
        let base = Tolerances {
            cost_increase: 0.05,
            latency_increase: 0.10,
        };
        let learned = Learned {
            spend_opt: None,
            latency_opt: learned_latency(
                &(0..20)
                    .map(|index| 1_000.0 + 50.0 * index as f64)
                    .collect::<Vec<_>>(),
            ),
        };
        let mut profile = Profile::default();
        assert_eq!(profile.tolerances_with_learned(base, None), base);
        let with_learned = profile.tolerances_with_learned(base, learned.counted_latency(false));
        assert_eq!(
            (with_learned.cost_increase, with_learned.latency_increase),
            (0.05, 0.17)
        );
        // The config file's own latency margin is not replaced by a learned one.
        assert_eq!(learned.counted_latency(true), None);
        assert_eq!(
            profile.tolerances_with_learned(base, learned.counted_latency(true)),
            base
        );
        profile.set("latency_increase", "0.3").expect("set");
        profile.set("cost_increase", "0.2").expect("set");
        for in_config in [false, true] {
            let yours = profile.tolerances_with_learned(base, learned.counted_latency(in_config));
            assert_eq!((yours.cost_increase, yours.latency_increase), (0.2, 0.3));
        }
    }

    #[test]
    fn the_latency_tolerance_is_how_much_slower_the_slower_sessions_ran() {
        // Twenty sessions at 1,000 to 1,950 ms a request: the median (nearest rank) 1,450, the 75th percentile
        // 1,700: 17% slower.
        let latencies: Vec<f64> = (0..20).map(|index| 1_000.0 + 50.0 * index as f64).collect();
        let learned = learned_latency(&latencies).expect("learned");
        assert_eq!((learned.median_ms, learned.slower_ms), (1_450.0, 1_700.0));
        assert_eq!(learned.increase, 0.17);
        assert_eq!(learned.sessions, 20);
        // Too few, once what no request could take is left out.
        let mut odd = latencies[..19].to_vec();
        odd.extend([0.0, -1.0, f64::NAN, f64::INFINITY]);
        assert_eq!(learned_latency(&odd), None);
        // Kept within its range: steady sessions 5%, wild ones 50%.
        assert_eq!(
            learned_latency(&[800.0; 25]).expect("steady").increase,
            0.05
        );
        let wild: Vec<f64> = (0..20)
            .map(|index| if index < 10 { 100.0 } else { 900.0 })
            .collect();
        assert_eq!(learned_latency(&wild).expect("wild").increase, 0.5);
    }
}
