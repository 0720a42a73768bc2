//! `shim-node profile show|set|reset` (docs/profile.md): what the person set, in `profile.toml` of the data
//! dir, beside what SHIM learned from their behaviour (tiers from overrides, working hours from session
//! starts, the week's spend and the weekly spend learned from it), which the running node is asked for.

use std::process::ExitCode;

use anyhow::Context;
use serde_json::json;
use shim_protocol::{
    messages::{LearnedPreference, SessionList, SessionsRequest},
    subject::{AnalyticsOp, ROUTER_LEARNED},
};

use super::exit::UsageError;
use crate::{
    config::Config,
    profile::{
        self, HOURS_WINDOW_DAYS, MIN_SESSIONS_FOR_HOURS, MIN_SESSIONS_FOR_LATENCY,
        MIN_SESSIONS_FOR_SPEND, Profile, SPEND_MARGIN, SPEND_WEEKS, Tolerances, observed_hours,
    },
};

/// What was learned from the person's behaviour, as far as the node could be asked.
#[derive(Debug, Default)]
struct Observed {
    /// Biases the router learned from overrides.
    learned: Vec<LearnedPreference>,
    /// Working hours covering most session starts ([`observed_hours`]), with the share and the sessions.
    hours_opt: Option<(profile::Hours, f64, usize)>,
    /// Sessions started in the window.
    sessions: usize,
    /// What sessions of the last 7 days cost, from Claude Code's telemetry.
    spend_7d_usd_opt: Option<f64>,
    /// The weekly spend and the latency tolerance learned from the sessions ([`profile::Learned`]).
    from_sessions: profile::Learned,
    /// Whether the sessions could be read.
    sessions_read: bool,
    /// Why some of it could not be read.
    missing: Vec<String>,
}

/// `shim-node profile show [--json]`.
pub(super) async fn show(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    // A file that cannot be read does not hide what was learned: it is shown as the problem it is.
    let (set, broken_opt) = match profile::load(&config.data_dir) {
        Ok(set) => (set, None),
        Err(error) => (Profile::default(), Some(format!("{error:#}"))),
    };
    let observed = observe(config).await;
    let learned_latency_opt = observed
        .from_sessions
        .counted_latency(config.kaizen_latency_in_file);
    let Tolerances {
        cost_increase,
        latency_increase,
    } = set.tolerances_with_learned(
        Tolerances {
            cost_increase: config.kaizen.max_cost_increase,
            latency_increase: config.kaizen.max_latency_increase,
        },
        learned_latency_opt,
    );
    if json {
        let document = json!({
            "file": profile::path(&config.data_dir),
            "error": broken_opt,
            "set": set.entries(),
            "learned_tiers": observed.learned,
            "observed": {
                "hours": observed.hours_opt.map(|(hours, _, _)| hours.to_string()),
                "hours_share": observed.hours_opt.map(|(_, share, _)| share),
                "sessions": observed.sessions_read.then_some(observed.sessions),
                "spend_7d_usd": observed.spend_7d_usd_opt,
                "learned_spend": observed.from_sessions.spend_opt,
                "learned_latency": observed.from_sessions.latency_opt,
            },
            "in_force": {
                "cost_increase": cost_increase,
                "latency_increase": latency_increase,
                "cost_per_week_usd": config
                    .routing
                    .budget
                    .weekly_limit_usd
                    .or(set.cost_per_week_usd)
                    .or(observed.from_sessions.spend_opt.as_ref().map(|spend| spend.weekly_usd)),
                "hours": set.hours.map(|hours| hours.to_string()),
            },
            "missing": observed.missing,
        });
        outln!("{}", serde_json::to_string_pretty(&document)?);
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(error) = &broken_opt {
        outln!("{error}");
        outln!(
            "Until it is fixed, the node keeps the last profile it read. Fix the file by hand, or start over \
             with `shim-node profile reset` (the file is kept beside as {}).",
            BROKEN_NAME
        );
        outln!();
    }
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut row = |key: &str, value: String, source: String| {
        rows.push(vec![key.to_owned(), value, source]);
    };
    for category in shim_actors::model_router::learning::CATEGORIES {
        let key = format!("tier.{category}");
        let learned_opt = observed
            .learned
            .iter()
            .find(|preference| preference.category == category);
        match (set.tiers.get(category), learned_opt) {
            (Some(tier), Some(learned)) => row(
                &key,
                tier.to_string(),
                format!(
                    "set by you (your overrides lean {}: {})",
                    learned.tier, learned.evidence
                ),
            ),
            (Some(tier), None) => row(&key, tier.to_string(), "set by you".to_owned()),
            (None, Some(learned)) => row(
                &key,
                format!("towards {}", learned.tier),
                format!("learned from your overrides: {}", learned.evidence),
            ),
            (None, None) => {}
        }
    }
    let observed_hours = match (observed.hours_opt, observed.sessions) {
        _ if !observed.sessions_read => "not observed (below)".to_owned(),
        (Some((hours, share, sessions)), _) => format!(
            "observed {hours}: {:.0}% of {sessions} sessions in {HOURS_WINDOW_DAYS} days started then",
            share * 100.0
        ),
        (None, sessions) => format!(
            "too few sessions to observe ({sessions} in {HOURS_WINDOW_DAYS} days, {MIN_SESSIONS_FOR_HOURS} needed)"
        ),
    };
    match set.hours {
        Some(hours) => row(
            "hours",
            hours.to_string(),
            format!("set by you; {observed_hours}"),
        ),
        None if observed.hours_opt.is_some() => row(
            "hours",
            "-".to_owned(),
            format!(
                "not set; {observed_hours}; the Kaizen loop keeps to the observed hours until you set yours"
            ),
        ),
        None => row(
            "hours",
            "-".to_owned(),
            format!("not set; {observed_hours}"),
        ),
    }
    let spent = match observed.spend_7d_usd_opt {
        _ if !observed.sessions_read => "not observed (below)".to_owned(),
        Some(usd) => format!("${usd:.2}"),
        None => "no cost reported".to_owned(),
    };
    match (
        config.routing.budget.weekly_limit_usd,
        set.cost_per_week_usd,
    ) {
        (Some(limit), _) => row(
            "cost_per_week_usd",
            format!("{limit}"),
            format!("the config's [routing.budget] weekly_limit_usd; last 7 days: {spent}"),
        ),
        (None, Some(usd)) => row(
            "cost_per_week_usd",
            format!("{usd}"),
            format!("set by you; last 7 days: {spent}"),
        ),
        (None, None) => match &observed.from_sessions.spend_opt {
            Some(learned) => row(
                "cost_per_week_usd",
                format!("{:.2}", learned.weekly_usd),
                format!(
                    "learned: {SPEND_MARGIN} x ${:.2}, the most your sessions cost in one of the {SPEND_WEEKS} \
                     weeks before this one; last 7 days: {spent}",
                    learned.weekly_usd / SPEND_MARGIN
                ),
            ),
            None if !observed.sessions_read => row(
                "cost_per_week_usd",
                "-".to_owned(),
                format!("not set; last 7 days: {spent}; not learned (below)"),
            ),
            None => row(
                "cost_per_week_usd",
                "-".to_owned(),
                format!(
                    "not set; last 7 days: {spent}; too little cost reported to learn it ({MIN_SESSIONS_FOR_SPEND} \
                     sessions with a cost in two of the {SPEND_WEEKS} weeks before this one needed)"
                ),
            ),
        },
    }
    let source = |set_opt: Option<f64>, name: &str| match set_opt {
        Some(_) => "set by you".to_owned(),
        None => format!("the config's [kaizen] {name}"),
    };
    row(
        "cost_increase",
        format!("{cost_increase}"),
        source(set.cost_increase, "max_cost_increase"),
    );
    let latency_source = match (set.latency_increase, learned_latency_opt) {
        (Some(_), _) => "set by you".to_owned(),
        (None, Some(latency)) => format!(
            "learned: the slowest quarter of your {} sessions ran {:.0}% or more slower than your typical one \
             ({:.0} ms against {:.0} ms a request)",
            latency.sessions,
            (latency.slower_ms / latency.median_ms - 1.0) * 100.0,
            latency.slower_ms,
            latency.median_ms
        ),
        (None, None) if config.kaizen_latency_in_file => {
            "the config's [kaizen] max_latency_increase".to_owned()
        }
        (None, None) if !observed.sessions_read => {
            "the built-in [kaizen] max_latency_increase; not learned (below)".to_owned()
        }
        (None, None) => format!(
            "the built-in [kaizen] max_latency_increase; too few sessions with API requests to learn it \
             ({MIN_SESSIONS_FOR_LATENCY} needed)"
        ),
    };
    row(
        "latency_increase",
        format!("{latency_increase}"),
        latency_source,
    );
    let header = [
        ("KEY", super::table::Align::Left),
        ("VALUE", super::table::Align::Left),
        ("SOURCE", super::table::Align::Left),
    ];
    for line in super::table::render(&header, &rows) {
        outln!("{line}");
    }
    for why in &observed.missing {
        outln!("({why})");
    }
    Ok(ExitCode::SUCCESS)
}

/// Where `reset` puts a file it cannot read, in the data dir.
const BROKEN_NAME: &str = "profile.toml.broken";

/// The profile, or an error saying how to get out of a broken file.
fn load(config: &Config) -> anyhow::Result<Profile> {
    profile::load(&config.data_dir).map_err(how_out)
}

/// A profile that cannot be read, and how to get out of it.
fn how_out(error: anyhow::Error) -> anyhow::Error {
    anyhow::anyhow!(
        "{error:#}\nFix the file by hand, or start over with `shim-node profile reset` (the file is kept \
         beside as {BROKEN_NAME})."
    )
}

/// `shim-node profile set KEY VALUE`.
pub(super) fn set(config: &Config, key: &str, value: &str) -> anyhow::Result<ExitCode> {
    let mut profile = load(config)?;
    let old_opt = profile.set(key, value).map_err(UsageError)?;
    profile::save(&config.data_dir, &profile)?;
    let now = profile.entries().get(key).cloned().unwrap_or_default();
    match old_opt {
        Some(old) if old != now => outln!("{key} = {now} (was {old})"),
        Some(_) => outln!("{key} = {now} (unchanged)"),
        None => outln!("{key} = {now}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// `shim-node profile reset [KEY]`: one key, or everything set. A file that cannot be read is moved aside
/// (kept, 0600, as [`BROKEN_NAME`]) by a reset of every key, so a broken hand edit is never a dead end.
pub(super) fn reset(config: &Config, key_opt: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut profile = match (profile::load(&config.data_dir), key_opt) {
        (Ok(profile), _) => profile,
        (Err(error), None) => {
            let aside = broken_aside(&config.data_dir)?;
            let file = profile::path(&config.data_dir);
            // Private first: a reset cut short between the two steps never leaves a readable copy.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600))
                .with_context(|| format!("failed to make {} private", file.display()))?;
            std::fs::rename(&file, &aside).map_err(|rename_error| {
                anyhow::anyhow!(
                    "{error:#}\nIt could not be moved aside to {}: {rename_error}",
                    aside.display()
                )
            })?;
            outln!("{error:#}");
            outln!(
                "Moved it aside to {}; nothing is set now, and the node runs on the config's values.",
                aside.display()
            );
            return Ok(ExitCode::SUCCESS);
        }
        (Err(error), Some(_)) => return Err(how_out(error)),
    };
    let forgotten: Vec<(String, String)> = match key_opt {
        Some(key) => profile
            .reset(key)
            .map_err(UsageError)?
            .map(|old| (key.to_owned(), old))
            .into_iter()
            .collect(),
        None => {
            let all = profile.entries().into_iter().collect();
            profile = Profile::default();
            all
        }
    };
    if forgotten.is_empty() {
        outln!("nothing was set for {}", key_opt.unwrap_or("any key"));
        return Ok(ExitCode::SUCCESS);
    }
    profile::save(&config.data_dir, &profile)?;
    for (key, old) in forgotten {
        outln!("{key}: forgot {old}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Most broken files kept aside: `profile.toml.broken`, then `.broken.1` to `.broken.99`.
const MAX_BROKEN_KEPT: usize = 100;

/// A name beside the profile no earlier broken file holds, so none is overwritten.
fn broken_aside(root: &std::path::Path) -> anyhow::Result<std::path::PathBuf> {
    (0..MAX_BROKEN_KEPT)
        .map(|index| match index {
            0 => root.join(BROKEN_NAME),
            _ => root.join(format!("{BROKEN_NAME}.{index}")),
        })
        .find(|candidate| !candidate.exists())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{MAX_BROKEN_KEPT} broken profiles are kept aside in {} already; remove those you do not need",
                root.display()
            )
        })
}

/// Asks the node what it learned; what it cannot be asked is named in `missing`.
async fn observe(config: &Config) -> Observed {
    let mut observed = Observed::default();
    match super::node_client(config, "shim-node profile").await {
        Ok(node) => match node.request_service(ROUTER_LEARNED, &()).await {
            Ok(learned) => observed.learned = learned,
            Err(error) => observed
                .missing
                .push(format!("tiers learned from overrides not shown: {error}")),
        },
        Err(error) => observed
            .missing
            .push(format!("tiers learned from overrides not shown: {error:#}")),
    }
    let now = shim_actors::now_ms();
    let request = SessionsRequest {
        since_ms: now.saturating_sub(HOURS_WINDOW_DAYS * 24 * 3600 * 1000),
        until_ms: None,
        outcome: None,
        limit: Some(2_000),
    };
    match super::analytics::ask::<_, SessionList>(config, AnalyticsOp::Sessions, &request).await {
        Ok(list) => {
            observed.sessions_read = true;
            let starts: Vec<u64> = list
                .sessions
                .iter()
                .map(|record| record.started_at_ms)
                .collect();
            observed.sessions = starts.len();
            observed.hours_opt = observed_hours(&starts);
            // This machine's spend, as the router counts it and the weekly spend is learned.
            let week_ago = now.saturating_sub(7 * 24 * 3600 * 1000);
            let costs: Vec<f64> = list
                .sessions
                .iter()
                .filter(|record| record.started_at_ms >= week_ago)
                .filter(|record| record.node_id.as_deref() == Some(config.node_id.as_str()))
                .filter_map(|record| record.cost_usd)
                .collect();
            observed.spend_7d_usd_opt = (!costs.is_empty()).then(|| costs.iter().sum());
            observed.from_sessions =
                profile::Learned::from_records(&list.sessions, &config.node_id, now);
            if list.truncated {
                observed.missing.push(format!(
                    "only the newest {} sessions could be read: what was learned from them may differ from the node's",
                    list.sessions.len()
                ));
            }
        }
        Err(error) => observed
            .missing
            .push(format!("working hours and spend not observed: {error:#}")),
    }
    observed
}
