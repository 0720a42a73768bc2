//! A session's usage: the API requests Claude Code's telemetry reported for it (how many, what they cost,
//! how long they took), the prompts the model router routed for it and the overrides naming it, summed as the
//! events come. The router counts a chat's routed prompts itself and publishes the count once a second
//! (`routing.counted`), so the ledger reads no event per routed prompt: routing stays off its path.
//!
//! The record's facts cannot give these sums: they are capped, and a run of requests is kept as its first and
//! last. So the sums are kept beside the facts, and the ledger's rules (see the module above) hold this way:
//!
//! - **Any order.** A sum does not depend on the order of its terms. Costs are summed as whole nano-dollars,
//!   so that holds to the last digit (a sum of floating-point numbers depends on their order).
//! - **Delivered twice, counted once.** Each event is remembered by a digest of its kind, its time and its
//!   data (SHA-256, the first 8 bytes); an event whose digest is remembered is not counted again. The same
//!   telemetry record published twice (the exporter sent its batch again, to another node) has the same
//!   digest, its own time and data being the same. The last [`MAX_COUNTED`] events are remembered per
//!   session. A redelivery comes the ledger's acknowledgement wait (30 s) after the first delivery, or 1 s
//!   after a failed write; a batch sent again comes seconds after the first. More than 256 usage events of
//!   one chat in between is more than 8 a second from one session, which no session makes: Claude Code
//!   makes a request every few seconds, a router counts a chat's prompts once a second. The one case it can happen is a
//!   ledger catching up on a long backlog (it applies a chat's stored events as fast as it can) when a node
//!   dies between recording an event and acknowledging it: that one event is then counted twice.
//! - **Restart.** A chat that starts again after a clean end begins a new session in the same record (see
//!   `restart`), and its usage starts from zero: an event timed before the new session's start belongs to an
//!   earlier session and is remembered but not counted. The remembered events keep what they added, so the
//!   sums follow the start wherever the facts put it (a late `chats.started` can move it); what was counted
//!   before the last [`MAX_COUNTED`] events is kept as one sum, taken to be of the session before when a
//!   restart comes after it. That is exact unless more than 256 usage events of the new session were counted
//!   before its start was.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use shim_protocol::{Event, messages::SessionRecord};

/// Most events remembered per session (up to about 110 bytes each in the stored record: 28 KB at most).
pub const MAX_COUNTED: usize = 256;

/// Most prompts one `routing.counted` may count: a router's second of one chat's prompts; a larger count is
/// not a router's and is left out.
const MAX_ROUTED_PER_COUNT: u64 = 100_000;

/// The largest cost one API request may report, US dollars; a larger one is not a request's and is left out.
const MAX_REQUEST_USD: f64 = 1e6;
/// The longest one API request may report, milliseconds (a day); a longer one is left out.
const MAX_REQUEST_MS: f64 = 86_400_000.0;

/// Nano-dollars in a dollar: costs are summed in whole nano-dollars.
const NANOS_PER_USD: f64 = 1e9;

/// A session's usage as the ledger keeps it (in the record's stored form, beside the facts).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    /// When the session the sums are for began by a restart; `None` for the chat's first session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since_ms: Option<u64>,
    /// What the counted events no longer in `recent` added to the session.
    #[serde(default)]
    pub settled: Sums,
    /// The events counted last, oldest first, at most [`MAX_COUNTED`]: their digests, times and what each
    /// added.
    #[serde(default)]
    pub recent: VecDeque<Counted>,
}

/// Usage sums.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sums {
    /// API requests.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub api_requests: u64,
    /// Their cost in nano-dollars; `None` when none carried a cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_nano_usd: Option<u64>,
    /// Their summed `duration_ms`.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub api_duration_ms: u64,
    /// Prompts routed (`routing.counted` events' `routed`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub routed: u64,
    /// `routing.override` events.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub overrides: u64,
}

fn is_zero(value: &u64) -> bool {
    *value == 0
}

impl Sums {
    /// Adds `other`; sums stop at `u64::MAX` rather than wrap (each term is bounded, see [`Counted::of`]).
    fn add(&mut self, other: &Sums) {
        self.api_requests = self.api_requests.saturating_add(other.api_requests);
        self.cost_nano_usd = match (self.cost_nano_usd, other.cost_nano_usd) {
            (None, None) => None,
            (mine, theirs) => Some(mine.unwrap_or(0).saturating_add(theirs.unwrap_or(0))),
        };
        self.api_duration_ms = self.api_duration_ms.saturating_add(other.api_duration_ms);
        self.routed = self.routed.saturating_add(other.routed);
        self.overrides = self.overrides.saturating_add(other.overrides);
    }
}

/// One event counted: its digest, its time and what it added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counted {
    /// The digest of its kind, time and data.
    #[serde(rename = "k")]
    pub key: u64,
    /// Its time (a telemetry record's own time).
    #[serde(rename = "t")]
    pub at_ms: u64,
    /// What it added.
    #[serde(rename = "s")]
    pub sums: Sums,
}

impl Counted {
    /// What `event`, timed `at_ms` (the time its fact has), adds to a session's usage; `None` for an event
    /// that is not usage.
    pub fn of(event: &Event, at_ms: u64) -> Option<Counted> {
        let mut sums = Sums::default();
        match event.kind.as_str() {
            "telemetry.api_request" => {
                sums.api_requests = 1;
                sums.cost_nano_usd = number(&event.data, "cost_usd", MAX_REQUEST_USD)
                    .map(|cost| (cost * NANOS_PER_USD).round() as u64);
                sums.api_duration_ms = number(&event.data, "duration_ms", MAX_REQUEST_MS)
                    .map_or(0, |ms| ms.round() as u64);
            }
            // The router's count of the chat's prompts routed in its last second.
            "routing.counted" => {
                sums.routed = event
                    .data
                    .get("routed")
                    .and_then(Value::as_u64)
                    .filter(|routed| (1..=MAX_ROUTED_PER_COUNT).contains(routed))?;
            }
            "routing.override" => sums.overrides = 1,
            _ => return None,
        }
        Some(Counted {
            key: digest(&event.kind, at_ms, &event.data),
            at_ms,
            sums,
        })
    }
}

/// A field of `data` as a number that is finite, not negative and below `limit`; another is left out (as
/// the summary leaves out absurd amounts).
fn number(data: &Value, key: &str, limit: f64) -> Option<f64> {
    data.get(key)
        .and_then(Value::as_f64)
        .filter(|number| number.is_finite() && (0.0..limit).contains(number))
}

/// SHA-256 of the kind, the time and the data (objects with their keys sorted), its first 8 bytes.
fn digest(kind: &str, at_ms: u64, data: &Value) -> u64 {
    let mut hasher = Sha256::new();
    hasher.update(kind.as_bytes());
    hasher.update([0]);
    hasher.update(at_ms.to_be_bytes());
    canonical(data, &mut hasher);
    let hash = hasher.finalize();
    u64::from_be_bytes(hash[..8].try_into().expect("8 bytes"))
}

/// Feeds `value` to `hasher` the same whatever order its objects' keys were written in.
fn canonical(value: &Value, hasher: &mut Sha256) {
    match value {
        Value::Object(fields) => {
            let mut keys: Vec<&String> = fields.keys().collect();
            keys.sort_unstable();
            hasher.update(b"{");
            for key in keys {
                hasher.update(serde_json::to_string(key).unwrap_or_default().as_bytes());
                hasher.update(b":");
                canonical(&fields[key], hasher);
                hasher.update(b",");
            }
            hasher.update(b"}");
        }
        Value::Array(items) => {
            hasher.update(b"[");
            for item in items {
                canonical(item, hasher);
                hasher.update(b",");
            }
            hasher.update(b"]");
        }
        other => hasher.update(other.to_string().as_bytes()),
    }
}

impl Usage {
    /// Counts `counted` unless it is remembered; true when it was new.
    pub fn count(&mut self, counted: Counted) -> bool {
        if self.recent.iter().any(|kept| kept.key == counted.key) {
            return false;
        }
        self.recent.push_back(counted);
        while self.recent.len() > MAX_COUNTED {
            let Some(oldest) = self.recent.pop_front() else {
                break;
            };
            if self.counts(oldest.at_ms) {
                self.settled.add(&oldest.sums);
            }
        }
        true
    }

    /// Makes the sums those of the session that began by a restart at `since_opt` (`None`: the chat's first
    /// session). A later start leaves the settled sum to the session before.
    pub fn begin(&mut self, since_opt: Option<u64>) {
        if since_opt > self.since_ms {
            self.settled = Sums::default();
        }
        self.since_ms = since_opt;
    }

    /// True when an event timed `at_ms` belongs to the current session.
    fn counts(&self, at_ms: u64) -> bool {
        self.since_ms.is_none_or(|since| at_ms >= since)
    }

    /// The current session's sums.
    pub fn totals(&self) -> Sums {
        let mut totals = self.settled;
        for counted in self.recent.iter().filter(|kept| self.counts(kept.at_ms)) {
            totals.add(&counted.sums);
        }
        totals
    }

    /// Writes the current session's sums into `record`.
    pub fn fill(&self, record: &mut SessionRecord) {
        let totals = self.totals();
        record.api_requests = totals.api_requests;
        record.cost_usd = totals
            .cost_nano_usd
            .map(|nanos| nanos as f64 / NANOS_PER_USD);
        record.api_duration_ms = totals.api_duration_ms;
        record.routed = totals.routed;
        record.overrides = totals.overrides;
    }
}
