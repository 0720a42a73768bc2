//! The analytics component on `shim.v1.analytics.<op>`, served in queue group `shim-analytics` by any node
//! whose store is on.

use std::{sync::Arc, time::Duration};

use bytes::Bytes;
use shim_protocol::{
    WireError, WireResult, codec,
    messages::{
        AnalyticsSummary, CrashPrediction, SessionList, SessionRecord, SessionsRequest,
        SummaryRequest,
    },
    subject::AnalyticsOp,
};

use super::{
    Analytics, AnalyticsError, AnalyticsResult, MAX_LISTED_SESSIONS,
    prediction::{DEFAULT_LAST_CALLS, crash_prediction},
    summary::{active_in, ended_in, summarise, tally_events},
};
use crate::service::{Component, Exchange, Taken, encode_ok};

/// Longest a summary query may read events; the CLI waits a little longer (see `cli::analytics`).
pub const QUERY_DEADLINE: Duration = Duration::from_secs(60);

/// Sessions listed when the request names no limit, and the most it may ask for.
const DEFAULT_SESSIONS: u32 = 200;
const MAX_SESSIONS: u32 = shim_protocol::limits::MAX_SESSIONS_LISTED;

/// Largest checkpoint window a request may ask for.
const MAX_LAST_CALLS: u64 = 10_000;

impl crate::service::Op for AnalyticsOp {
    fn from_tail(tail: &str) -> Option<Self> {
        AnalyticsOp::from_tail(tail)
    }

    fn label(self) -> &'static str {
        match self {
            AnalyticsOp::Sessions => "analytics.sessions",
            AnalyticsOp::Summary => "analytics.summary",
            AnalyticsOp::CrashPrediction => "analytics.crash_prediction",
        }
    }
}

/// The analytics component.
#[derive(Debug, Clone)]
pub struct AnalyticsService {
    analytics: Arc<Analytics>,
}

impl AnalyticsService {
    /// Serves `analytics`.
    pub fn new(analytics: Arc<Analytics>) -> AnalyticsService {
        AnalyticsService { analytics }
    }

    /// Checks a period and returns its end (now when absent).
    fn period(since_ms: u64, until_opt: Option<u64>) -> AnalyticsResult<u64> {
        let until = until_opt.unwrap_or_else(shim_actors::now_ms);
        if since_ms > super::outcome::LATEST_STAMPED_MS || until > super::outcome::LATEST_STAMPED_MS
        {
            return Err(AnalyticsError::BadRequest(format!(
                "a period must end by the end of the year 9999 ({} ms since 1970)",
                super::outcome::LATEST_STAMPED_MS
            )));
        }
        if until <= since_ms {
            return Err(AnalyticsError::BadRequest(format!(
                "the period ends ({until}) before it starts ({since_ms})"
            )));
        }
        Ok(until)
    }

    fn last_calls(last_calls_opt: Option<u64>) -> AnalyticsResult<u64> {
        let last_calls = last_calls_opt.unwrap_or(DEFAULT_LAST_CALLS);
        if last_calls > MAX_LAST_CALLS {
            return Err(AnalyticsError::BadRequest(format!(
                "last_calls must be at most {MAX_LAST_CALLS}"
            )));
        }
        Ok(last_calls)
    }

    /// The records active in a period, and whether the listing was cut at [`MAX_LISTED_SESSIONS`].
    async fn records(
        &self,
        since_ms: u64,
        until_ms: u64,
    ) -> AnalyticsResult<(Vec<SessionRecord>, bool)> {
        let listing = self.analytics.all_sessions().await?;
        if listing.truncated {
            tracing::warn!(
                max = MAX_LISTED_SESSIONS,
                "more session records than one listing reads; only the newest are counted"
            );
        }
        let records = listing
            .sessions
            .into_iter()
            .map(|session| session.record)
            .filter(|record| active_in(record, since_ms, until_ms))
            .collect();
        Ok((records, listing.truncated))
    }

    /// Lists the sessions active in a period, newest first.
    pub async fn sessions(&self, request: SessionsRequest) -> AnalyticsResult<SessionList> {
        let until = Self::period(request.since_ms, request.until_ms)?;
        let limit = request
            .limit
            .unwrap_or(DEFAULT_SESSIONS)
            .clamp(1, MAX_SESSIONS) as usize;
        let (records, cut) = self.records(request.since_ms, until).await?;
        let mut sessions: Vec<SessionRecord> = records
            .into_iter()
            .filter(|record| {
                request
                    .outcome
                    .is_none_or(|wanted| record.outcome == Some(wanted))
            })
            .collect();
        sessions.sort_by(|left, right| {
            right
                .started_at_ms
                .cmp(&left.started_at_ms)
                .then_with(|| left.chat_id.cmp(&right.chat_id))
        });
        let truncated = cut || sessions.len() > limit;
        sessions.truncate(limit);
        Ok(SessionList {
            sessions,
            truncated,
        })
    }

    /// Summarises a period.
    pub async fn summary(&self, request: SummaryRequest) -> AnalyticsResult<AnalyticsSummary> {
        let until = Self::period(request.since_ms, request.until_ms)?;
        let last_calls = Self::last_calls(request.last_calls)?;
        let (tally, records) = tokio::join!(
            tally_events(
                &self.analytics.js,
                Some(&self.analytics.rollups),
                request.since_ms,
                until,
                QUERY_DEADLINE
            ),
            self.records(request.since_ms, until)
        );
        let tally = tally?;
        self.analytics.metrics.record_query_events(tally.read_raw);
        for _ in 0..tally.malformed {
            self.analytics.metrics.record_bad_event("query");
        }
        let (records, truncated) = records?;
        let mut summary = summarise(tally, &records, request.since_ms, until, last_calls);
        summary.sessions_truncated = truncated;
        summary.crash_prediction.sessions_truncated = truncated;
        Ok(summary)
    }

    /// Measures crash prediction over the sessions that ended in a period.
    pub async fn crash_prediction(
        &self,
        request: SummaryRequest,
    ) -> AnalyticsResult<CrashPrediction> {
        let until = Self::period(request.since_ms, request.until_ms)?;
        let last_calls = Self::last_calls(request.last_calls)?;
        let (records, truncated) = self.records(request.since_ms, until).await?;
        let mut prediction = crash_prediction(
            records
                .iter()
                .filter(|record| ended_in(record, request.since_ms, until)),
            last_calls,
        );
        prediction.sessions_truncated = truncated;
        Ok(prediction)
    }
}

/// Encodes a session list, halving it until it fits in one reply.
fn encode_sessions(mut list: SessionList) -> WireResult<Bytes> {
    loop {
        match encode_ok(&list) {
            Err(WireError::Internal { .. }) if list.sessions.len() > 1 => {
                let keep = list.sessions.len() / 2;
                list.sessions.truncate(keep);
                list.truncated = true;
            }
            other => return other,
        }
    }
}

impl Component for AnalyticsService {
    type Op = AnalyticsOp;

    async fn handle(
        &self,
        op: AnalyticsOp,
        payload: &[u8],
        _exchange: &mut Exchange,
    ) -> WireResult<Bytes> {
        match op {
            AnalyticsOp::Sessions => {
                let request: SessionsRequest = codec::decode(payload)?;
                encode_sessions(self.sessions(request).await?)
            }
            AnalyticsOp::Summary => {
                let request: SummaryRequest = codec::decode(payload)?;
                encode_ok(&self.summary(request).await?)
            }
            AnalyticsOp::CrashPrediction => {
                let request: SummaryRequest = codec::decode(payload)?;
                encode_ok(&self.crash_prediction(request).await?)
            }
        }
    }

    /// Analytics hands nothing out.
    async fn hand_back(&self, _taken: Taken) {}
}
