//! Node configuration: built-in defaults, then a TOML file, then `SHIM_*` environment variables, then
//! command-line flags, each overriding the one before.

use std::{
    collections::HashMap,
    net::SocketAddr,
    path::{Path, PathBuf},
    time::Duration,
};

use anyhow::{Context, bail, ensure};
use serde::Deserialize;
use shim_protocol::subject::validate_id;

/// Version tag of the configuration file format.
pub const CONFIG_VERSION: u32 = 1;

/// The configuration of a node and of the clients that talk to it (`mcp`, `status`, `tail`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Format version of the file. Default 1.
    #[serde(default = "default_version")]
    pub version: u32,
    /// NATS server to use, or several separated by commas (the servers of a cluster: the node connects to any
    /// and moves to another when its server goes away). Default `nats://127.0.0.1:4222`. Env `SHIM_NATS_URL`,
    /// flag `--nats-url`.
    #[serde(default = "default_nats_url")]
    pub nats_url: String,
    /// Where the node keeps its state. Default: the platform's data directory plus `shim`
    /// (`~/.local/share/shim` on Linux). Env `SHIM_DATA_DIR`, flag `--data-dir`.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// This node's id, used in subjects. Default: derived from the host name. Env `SHIM_NODE_ID`,
    /// flag `--node-id`.
    #[serde(default = "default_node_id")]
    pub node_id: String,
    /// Address of the Prometheus `/metrics` endpoint; `off` disables it. Default `127.0.0.1:9464`.
    /// Env `SHIM_METRICS_ADDR`, flag `--metrics-addr`.
    #[serde(
        default = "default_metrics_addr",
        deserialize_with = "deserialize_metrics_addr"
    )]
    pub metrics_addr: Option<SocketAddr>,
    /// Address of the OTLP/HTTP receiver that takes in Claude Code's telemetry (`/v1/logs`, `/v1/metrics`);
    /// `off` disables it. Default `127.0.0.1:4318`, OTLP/HTTP's usual port. Env `SHIM_OTLP_ADDR`, flag
    /// `--otlp-addr`.
    #[serde(
        default = "default_otlp_addr",
        deserialize_with = "deserialize_metrics_addr"
    )]
    pub otlp_addr: Option<SocketAddr>,
    /// Start a local `nats-server` when `nats_url` is local and nothing answers. Default true.
    /// Env `SHIM_EMBEDDED_NATS`.
    #[serde(default = "default_true")]
    pub embedded_nats: bool,
    /// The `nats-server` program to start. Default `nats-server` (looked up on `PATH`).
    /// Env `SHIM_NATS_SERVER_BIN`.
    #[serde(default = "default_nats_server_bin")]
    pub nats_server_bin: PathBuf,
    /// A `nats.conf` for the embedded server instead of the one built into SHIM. Default none.
    /// Env `SHIM_NATS_CONFIG`.
    #[serde(default)]
    pub nats_config: Option<PathBuf>,
    /// The user this node and its clients present to a shared NATS server, with `nats_password`. Default none
    /// (the embedded server's own credentials, see docs/security.md). Env `SHIM_NATS_USER`.
    #[serde(default)]
    pub nats_user: Option<String>,
    /// The password of `nats_user`. Env `SHIM_NATS_PASSWORD`.
    #[serde(default)]
    pub nats_password: Option<crate::nats::Secret>,
    /// A file holding the nkey seed (`SU...`) this node presents instead of a user and password. Env
    /// `SHIM_NATS_NKEY`.
    #[serde(default)]
    pub nats_nkey: Option<PathBuf>,
    /// A `.creds` file (a user JWT and its nkey seed, as NATS' `nsc` writes them). Env `SHIM_NATS_CREDS`.
    #[serde(default)]
    pub nats_creds: Option<PathBuf>,
    /// The CA certificate (PEM) a server's TLS certificate must chain to; set, TLS is required. Env
    /// `SHIM_NATS_TLS_CA`.
    #[serde(default)]
    pub nats_tls_ca: Option<PathBuf>,
    /// This node's TLS certificate (PEM), for a server that verifies its clients; with `nats_tls_key`. Env
    /// `SHIM_NATS_TLS_CERT`.
    #[serde(default)]
    pub nats_tls_cert: Option<PathBuf>,
    /// The key of `nats_tls_cert` (PEM). Env `SHIM_NATS_TLS_KEY`.
    #[serde(default)]
    pub nats_tls_key: Option<PathBuf>,
    /// How long a request may take before the caller gets a timeout error. Default 5000 ms.
    /// Env `SHIM_REQUEST_TIMEOUT_MS`.
    #[serde(default = "default_request_timeout_ms")]
    pub request_timeout_ms: u64,
    /// Silence after which a chat's worker stops. Default 1800 s. Env `SHIM_CHAT_IDLE_TIMEOUT_S`.
    #[serde(default = "default_chat_idle_timeout_s")]
    pub chat_idle_timeout_s: u64,
    /// Most chats open at once on this node. Default 1000. Env `SHIM_MAX_CHATS`.
    #[serde(default = "default_max_chats")]
    pub max_chats: usize,
    /// Most requests the node works on at once; more are answered `busy`. Default 1024.
    /// Env `SHIM_MAX_IN_FLIGHT`.
    #[serde(default = "default_max_in_flight")]
    pub max_in_flight: usize,
    /// Newest checkpoints kept per chat. Default 50. Env `SHIM_CHECKPOINT_KEEP_LAST`.
    #[serde(default = "default_checkpoint_keep_last")]
    pub checkpoint_keep_last: usize,
    /// Days a checkpoint is kept (a chat's newest while it can be resumed; a chat that cannot is forgotten
    /// this long after its last sign of life). 1 to 3650, default 30.
    /// Env `SHIM_CHECKPOINT_MAX_AGE_DAYS`.
    #[serde(default = "default_checkpoint_max_age_days")]
    pub checkpoint_max_age_days: u64,
    /// Risk thresholds (the `[risk]` table). When given, they become the next version in the parameter
    /// store at start; otherwise the stored version (or the built-in defaults) stays in force.
    #[serde(default)]
    pub risk: Option<shim_actors::RiskThresholds>,
    /// Heartbeat silence after which a chat is `away`. Default 30 s. Env `SHIM_CHAT_AWAY_AFTER_S`.
    #[serde(default = "default_chat_away_after_s")]
    pub chat_away_after_s: u64,
    /// Heartbeat silence after which a chat is `gone`. Default 90 s. Env `SHIM_CHAT_GONE_AFTER_S`.
    #[serde(default = "default_chat_gone_after_s")]
    pub chat_gone_after_s: u64,
    /// How often the node checks whether its chats' processes still run, in milliseconds: 100 to 60,000.
    /// Default 1,000. Env `SHIM_RECOVERY_CHECK_MS`.
    #[serde(default = "default_recovery_check_ms")]
    pub recovery_check_ms: u64,
    /// How long a chat's processes must stay exited before it counts as interrupted, in milliseconds: time for
    /// a clean session end to arrive. 0 to 600,000. Default 2,000. Env `SHIM_RECOVERY_GRACE_MS`.
    #[serde(default = "default_recovery_grace_ms")]
    pub recovery_grace_ms: u64,
    /// True when the config file sets `[kaizen] max_latency_increase`: a latency tolerance learned from the
    /// sessions then does not replace it (docs/profile.md).
    #[serde(skip)]
    pub kaizen_latency_in_file: bool,
    /// Model routing (the `[routing]` table): minimum tier, models and prices, learning rules, budget.
    #[serde(default)]
    pub routing: shim_actors::model_router::RoutingSettings,
    /// Copies JetStream keeps of each of SHIM's streams and buckets (the task queue, its records, the chat registry,
    /// locks, messages, the analytics store, the Kaizen store), on as many servers of a NATS cluster: 1 to 5;
    /// 3 survives the loss of one server. A stream or bucket that exists with another count is brought to it at
    /// start. `[tasks] replicas` and `[analytics] replicas` override it for their own. Default 1. Env
    /// `SHIM_REPLICAS`.
    #[serde(default = "default_replicas")]
    pub replicas: usize,
    /// The task queue (the `[tasks]` table).
    #[serde(default)]
    pub tasks: TaskSettings,
    /// The analytics store and session outcomes (the `[analytics]` table).
    #[serde(default)]
    pub analytics: AnalyticsSettings,
    /// The Kaizen loop's safety settings and pace (the `[kaizen]` table, docs/kaizen.md).
    #[serde(default)]
    pub kaizen: shim_actors::experiment_manager::settings::KaizenSettings,
}

/// The `[analytics]` table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnalyticsSettings {
    /// Keep the events in the `SHIM_EVENTS` stream and session outcomes in `shim_sessions`. Off: events are
    /// still published on NATS, but this node creates no stream and runs no ledger. Default true.
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// Days an event is kept. Default 30. Env `SHIM_ANALYTICS_MAX_AGE_DAYS`.
    #[serde(default = "default_analytics_max_age_days")]
    pub max_age_days: u64,
    /// Bytes the stream may hold; the oldest events go first. Default 1 GiB. Env `SHIM_ANALYTICS_MAX_BYTES`.
    #[serde(default = "default_analytics_max_bytes")]
    pub max_bytes: u64,
    /// Copies of the events stream, the session, rollup and lease buckets and the Kaizen store in a NATS
    /// cluster, instead of the top-level `replicas`. Default: the top-level `replicas`. Set by the node to what
    /// applies ([`Config::analytics_settings`]); [`copies`](Self::copies) reads it.
    #[serde(default)]
    pub replicas: Option<usize>,
    /// Seconds an interrupted session waits to be resumed before it counts as abandoned. Default 86,400
    /// (24 hours). Env `SHIM_ANALYTICS_ABANDON_AFTER_S`.
    #[serde(default = "default_analytics_abandon_after_s")]
    pub abandon_after_s: u64,
}

impl Default for AnalyticsSettings {
    fn default() -> Self {
        AnalyticsSettings {
            enabled: true,
            max_age_days: default_analytics_max_age_days(),
            max_bytes: default_analytics_max_bytes(),
            replicas: None,
            abandon_after_s: default_analytics_abandon_after_s(),
        }
    }
}

impl AnalyticsSettings {
    /// How long an event is kept.
    pub fn max_age(&self) -> Duration {
        Duration::from_secs(self.max_age_days * 24 * 3600)
    }

    /// How long an interrupted session waits to be resumed.
    pub fn abandon_after(&self) -> Duration {
        Duration::from_secs(self.abandon_after_s)
    }

    /// The copies the store's streams and buckets are made with: [`replicas`](Self::replicas), else 1 (a node
    /// always sets it, from the top-level `replicas` when the table does not).
    pub fn copies(&self) -> usize {
        self.replicas.unwrap_or(DEFAULT_REPLICAS).max(1)
    }
}

fn default_analytics_max_age_days() -> u64 {
    30
}
fn default_analytics_max_bytes() -> u64 {
    1 << 30
}
fn default_analytics_abandon_after_s() -> u64 {
    24 * 3600
}

/// The `[tasks]` table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskSettings {
    /// How long a claimed task stays with a worker that says nothing (progress extends it). Default 30 s. Env
    /// `SHIM_TASK_ACK_WAIT_S`.
    #[serde(default = "default_task_ack_wait_s")]
    pub ack_wait_s: u64,
    /// Claims a task gets before it is dead. Default 3. Env `SHIM_TASK_MAX_ATTEMPTS`.
    #[serde(default = "default_task_max_attempts")]
    pub max_attempts: u32,
    /// Wait before the first retry of a failed task, doubling with each attempt. Default 1,000 ms. Env
    /// `SHIM_TASK_BACKOFF_MS`.
    #[serde(default = "default_task_backoff_ms")]
    pub backoff_ms: u64,
    /// Copies of the queue, records and dead letters in a NATS cluster, instead of the top-level `replicas`.
    /// Default: the top-level `replicas`. Env `SHIM_TASK_REPLICAS`.
    #[serde(default)]
    pub replicas: Option<usize>,
    /// Days records, results and dead letters are kept. Default 14.
    #[serde(default = "default_task_retention_days")]
    pub retention_days: u64,
}

impl Default for TaskSettings {
    fn default() -> Self {
        TaskSettings {
            ack_wait_s: default_task_ack_wait_s(),
            max_attempts: default_task_max_attempts(),
            backoff_ms: default_task_backoff_ms(),
            replicas: None,
            retention_days: default_task_retention_days(),
        }
    }
}

fn default_task_ack_wait_s() -> u64 {
    30
}
fn default_task_max_attempts() -> u32 {
    shim_protocol::limits::DEFAULT_MAX_ATTEMPTS
}
fn default_task_backoff_ms() -> u64 {
    1_000
}
/// `replicas` when not set: one copy, all a single server can hold.
pub const DEFAULT_REPLICAS: usize = 1;

/// The copies NATS can keep of a stream: one to five.
pub const REPLICAS: std::ops::RangeInclusive<usize> = 1..=5;

fn default_replicas() -> usize {
    DEFAULT_REPLICAS
}
fn default_task_retention_days() -> u64 {
    14
}

fn default_version() -> u32 {
    CONFIG_VERSION
}
fn default_nats_url() -> String {
    "nats://127.0.0.1:4222".to_owned()
}
fn default_data_dir() -> PathBuf {
    dirs::data_dir()
        .or_else(|| dirs::home_dir().map(|home| home.join(".local/share")))
        .unwrap_or_else(std::env::temp_dir)
        .join("shim")
}
fn default_node_id() -> String {
    let host = hostname::get()
        .ok()
        .and_then(|name| name.into_string().ok())
        .unwrap_or_default();
    node_id_from_host(&host)
}
fn default_metrics_addr() -> Option<SocketAddr> {
    Some(SocketAddr::from(([127, 0, 0, 1], 9464)))
}
fn default_otlp_addr() -> Option<SocketAddr> {
    Some(SocketAddr::from(([127, 0, 0, 1], 4318)))
}
fn default_true() -> bool {
    true
}
/// `nats_server_bin` when not set: `nats-server` on `PATH`, after the one `shim-node setup nats-server`
/// installs under the data dir.
pub const DEFAULT_NATS_SERVER_BIN: &str = "nats-server";

fn default_nats_server_bin() -> PathBuf {
    PathBuf::from(DEFAULT_NATS_SERVER_BIN)
}
fn default_request_timeout_ms() -> u64 {
    5_000
}
fn default_chat_idle_timeout_s() -> u64 {
    1_800
}
fn default_max_chats() -> usize {
    1_000
}
fn default_max_in_flight() -> usize {
    1_024
}
fn default_chat_away_after_s() -> u64 {
    30
}
fn default_chat_gone_after_s() -> u64 {
    90
}
fn default_recovery_check_ms() -> u64 {
    crate::recovery::CHECK_EVERY.as_millis() as u64
}
fn default_recovery_grace_ms() -> u64 {
    crate::recovery::GRACE.as_millis() as u64
}
fn default_checkpoint_keep_last() -> usize {
    50
}
fn default_checkpoint_max_age_days() -> u64 {
    30
}

fn deserialize_metrics_addr<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<SocketAddr>, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse_metrics_addr(&text).map_err(serde::de::Error::custom)
}

fn parse_metrics_addr(text: &str) -> anyhow::Result<Option<SocketAddr>> {
    if matches!(text.trim(), "off" | "none" | "") {
        return Ok(None);
    }
    let addr = text
        .trim()
        .parse()
        .with_context(|| format!("address {text:?} is not host:port or `off`"))?;
    Ok(Some(addr))
}

/// Derives a stable node id from a host name: lowercase, with every character that may not stand
/// in a subject token replaced by `-`.
pub fn node_id_from_host(host: &str) -> String {
    let id: String = host
        .trim()
        .to_lowercase()
        .chars()
        .map(|ch| {
            if ch.is_ascii_alphanumeric() || ch == '-' || ch == '_' {
                ch
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    let id = id.trim_matches('-');
    if id.is_empty() {
        "local".to_owned()
    } else {
        id.to_owned()
    }
}

/// Settings given on the command line; `None` leaves the lower layers in force.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--nats-url`.
    pub nats_url: Option<String>,
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
    /// `--node-id`.
    pub node_id: Option<String>,
    /// `--metrics-addr`.
    pub metrics_addr: Option<String>,
    /// `--otlp-addr`.
    pub otlp_addr: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        toml::from_str("").unwrap_or_else(|_| unreachable!("every field has a default"))
    }
}

impl Config {
    /// Loads the configuration: defaults, then the file (`config_path_opt`, else `SHIM_CONFIG`, else
    /// `<config dir>/shim/shim.toml` when it exists), then `env`, then `overrides`; and validates it.
    pub fn load(
        config_path_opt: Option<&Path>,
        env: &HashMap<String, String>,
        overrides: &Overrides,
    ) -> anyhow::Result<Config> {
        let explicit_path_opt = config_path_opt
            .map(Path::to_path_buf)
            .or_else(|| env.get("SHIM_CONFIG").map(PathBuf::from));
        let mut config = match explicit_path_opt {
            Some(path) => Config::from_file(&path)?,
            None => match dirs::config_dir().map(|dir| dir.join("shim/shim.toml")) {
                Some(path) if path.is_file() => Config::from_file(&path)?,
                _ => Config::default(),
            },
        };
        config.apply_env(env)?;
        config.apply_overrides(overrides)?;
        config.validate()?;
        Ok(config)
    }

    /// Parses a TOML configuration file.
    pub fn from_file(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("failed to read config file {}", path.display()))?;
        let mut config: Config = toml::from_str(&text)
            .with_context(|| format!("invalid config file {}", path.display()))?;
        config.kaizen_latency_in_file = text.parse::<toml::Table>().is_ok_and(|table| {
            table
                .get("kaizen")
                .and_then(|kaizen| kaizen.get("max_latency_increase"))
                .is_some()
        });
        Ok(config)
    }

    fn apply_env(&mut self, env: &HashMap<String, String>) -> anyhow::Result<()> {
        fn parsed<T: std::str::FromStr>(
            env: &HashMap<String, String>,
            key: &str,
        ) -> anyhow::Result<Option<T>>
        where
            T::Err: std::fmt::Display,
        {
            env.get(key)
                .map(|value| {
                    value
                        .trim()
                        .parse::<T>()
                        .map_err(|error| anyhow::anyhow!("{key}={value:?} is invalid: {error}"))
                })
                .transpose()
        }
        if let Some(value) = env.get("SHIM_NATS_URL") {
            self.nats_url = value.clone();
        }
        if let Some(value) = env.get("SHIM_DATA_DIR") {
            self.data_dir = PathBuf::from(value);
        }
        if let Some(value) = env.get("SHIM_NODE_ID") {
            self.node_id = value.clone();
        }
        if let Some(value) = env.get("SHIM_METRICS_ADDR") {
            self.metrics_addr = parse_metrics_addr(value).context("SHIM_METRICS_ADDR")?;
        }
        if let Some(value) = env.get("SHIM_OTLP_ADDR") {
            self.otlp_addr = parse_metrics_addr(value).context("SHIM_OTLP_ADDR")?;
        }
        if let Some(value) = parsed(env, "SHIM_EMBEDDED_NATS")? {
            self.embedded_nats = value;
        }
        if let Some(value) = env.get("SHIM_NATS_SERVER_BIN") {
            self.nats_server_bin = PathBuf::from(value);
        }
        if let Some(value) = env.get("SHIM_NATS_CONFIG") {
            self.nats_config = Some(PathBuf::from(value));
        }
        if let Some(value) = env.get("SHIM_NATS_USER") {
            self.nats_user = Some(value.clone());
        }
        if let Some(value) = env.get("SHIM_NATS_PASSWORD") {
            self.nats_password = Some(crate::nats::Secret::new(value.clone()));
        }
        for (key, field) in [
            ("SHIM_NATS_NKEY", &mut self.nats_nkey),
            ("SHIM_NATS_CREDS", &mut self.nats_creds),
            ("SHIM_NATS_TLS_CA", &mut self.nats_tls_ca),
            ("SHIM_NATS_TLS_CERT", &mut self.nats_tls_cert),
            ("SHIM_NATS_TLS_KEY", &mut self.nats_tls_key),
        ] {
            if let Some(value) = env.get(key) {
                *field = Some(PathBuf::from(value));
            }
        }
        if let Some(value) = parsed(env, "SHIM_REQUEST_TIMEOUT_MS")? {
            self.request_timeout_ms = value;
        }
        if let Some(value) = parsed(env, "SHIM_CHAT_IDLE_TIMEOUT_S")? {
            self.chat_idle_timeout_s = value;
        }
        if let Some(value) = parsed(env, "SHIM_MAX_CHATS")? {
            self.max_chats = value;
        }
        if let Some(value) = parsed(env, "SHIM_MAX_IN_FLIGHT")? {
            self.max_in_flight = value;
        }
        if let Some(value) = parsed(env, "SHIM_CHAT_AWAY_AFTER_S")? {
            self.chat_away_after_s = value;
        }
        if let Some(value) = parsed(env, "SHIM_CHAT_GONE_AFTER_S")? {
            self.chat_gone_after_s = value;
        }
        if let Some(value) = parsed(env, "SHIM_RECOVERY_CHECK_MS")? {
            self.recovery_check_ms = value;
        }
        if let Some(value) = parsed(env, "SHIM_RECOVERY_GRACE_MS")? {
            self.recovery_grace_ms = value;
        }
        if let Some(value) = parsed(env, "SHIM_CHECKPOINT_KEEP_LAST")? {
            self.checkpoint_keep_last = value;
        }
        if let Some(value) = parsed(env, "SHIM_CHECKPOINT_MAX_AGE_DAYS")? {
            self.checkpoint_max_age_days = value;
        }
        if let Some(value) = parsed(env, "SHIM_TASK_ACK_WAIT_S")? {
            self.tasks.ack_wait_s = value;
        }
        if let Some(value) = parsed(env, "SHIM_TASK_MAX_ATTEMPTS")? {
            self.tasks.max_attempts = value;
        }
        if let Some(value) = parsed(env, "SHIM_TASK_BACKOFF_MS")? {
            self.tasks.backoff_ms = value;
        }
        if let Some(value) = parsed(env, "SHIM_REPLICAS")? {
            self.replicas = value;
        }
        if let Some(value) = parsed(env, "SHIM_TASK_REPLICAS")? {
            self.tasks.replicas = Some(value);
        }
        if let Some(value) = parsed(env, "SHIM_ANALYTICS_MAX_AGE_DAYS")? {
            self.analytics.max_age_days = value;
        }
        if let Some(value) = parsed(env, "SHIM_ANALYTICS_MAX_BYTES")? {
            self.analytics.max_bytes = value;
        }
        if let Some(value) = parsed(env, "SHIM_ANALYTICS_ABANDON_AFTER_S")? {
            self.analytics.abandon_after_s = value;
        }
        if let Some(value) = parsed(env, "SHIM_ANALYTICS_ENABLED")? {
            self.analytics.enabled = value;
        }
        Ok(())
    }

    fn apply_overrides(&mut self, overrides: &Overrides) -> anyhow::Result<()> {
        if let Some(value) = &overrides.nats_url {
            self.nats_url = value.clone();
        }
        if let Some(value) = &overrides.data_dir {
            self.data_dir = value.clone();
        }
        if let Some(value) = &overrides.node_id {
            self.node_id = value.clone();
        }
        if let Some(value) = &overrides.metrics_addr {
            self.metrics_addr = parse_metrics_addr(value).context("--metrics-addr")?;
        }
        if let Some(value) = &overrides.otlp_addr {
            self.otlp_addr = parse_metrics_addr(value).context("--otlp-addr")?;
        }
        Ok(())
    }

    /// The NATS credentials the settings name (`nats_user` and `nats_password`, `nats_nkey` or `nats_creds`; at
    /// most one kind), or `None` when they name none.
    pub fn named_credentials(&self) -> anyhow::Result<Option<crate::nats::Credentials>> {
        use crate::nats::Credentials;
        let named = [
            self.nats_user.is_some() || self.nats_password.is_some(),
            self.nats_nkey.is_some(),
            self.nats_creds.is_some(),
        ];
        ensure!(
            named.iter().filter(|set| **set).count() <= 1,
            "give NATS one kind of credentials: nats_user and nats_password, nats_nkey, or nats_creds"
        );
        Ok(match (&self.nats_user, &self.nats_password) {
            (Some(user), Some(password)) => Some(Credentials::UserPassword {
                user: user.clone(),
                password: password.clone(),
            }),
            (Some(_), None) => bail!("nats_user is set without nats_password (SHIM_NATS_PASSWORD)"),
            (None, Some(_)) => bail!("nats_password is set without nats_user (SHIM_NATS_USER)"),
            (None, None) => match (&self.nats_nkey, &self.nats_creds) {
                (Some(seed_file), _) => Some(Credentials::NKey {
                    seed_file: seed_file.clone(),
                }),
                (_, Some(path)) => Some(Credentials::CredsFile(path.clone())),
                _ => None,
            },
        })
    }

    /// Checks values that parse but make no sense.
    pub fn validate(&self) -> anyhow::Result<()> {
        if self.version != CONFIG_VERSION {
            bail!(
                "config version {} is not supported; this release reads version {CONFIG_VERSION}",
                self.version
            );
        }
        validate_id("node id", &self.node_id).context("invalid node_id")?;
        self.kaizen.validate().map_err(anyhow::Error::msg)?;
        crate::nats::server_addrs(&self.nats_url).context("invalid nats_url")?;
        self.named_credentials()?;
        ensure!(
            self.nats_tls_cert.is_some() == self.nats_tls_key.is_some(),
            "nats_tls_cert and nats_tls_key go together: set both (a client certificate and its key) or neither"
        );
        ensure!(
            self.request_timeout_ms > 0,
            "request_timeout_ms must be above 0"
        );
        ensure!(
            self.chat_idle_timeout_s > 0,
            "chat_idle_timeout_s must be above 0"
        );
        ensure!(self.max_chats > 0, "max_chats must be above 0");
        // 0 would make every chat away at the next sweep and hand its tasks back, heartbeats or not; a chat
        // goes away before it is gone; a week is as long as its messages are kept.
        ensure!(
            (1..=86_400).contains(&self.chat_away_after_s),
            "chat_away_after_s must be 1 to 86400 (seconds without a heartbeat before a chat is away), not {}",
            self.chat_away_after_s
        );
        ensure!(
            self.chat_gone_after_s > self.chat_away_after_s && self.chat_gone_after_s <= 604_800,
            "chat_gone_after_s must be above chat_away_after_s ({}) and at most 604800 (a week), not {}",
            self.chat_away_after_s,
            self.chat_gone_after_s
        );
        ensure!(
            (100..=60_000).contains(&self.recovery_check_ms),
            "recovery_check_ms must be 100 to 60000 (milliseconds between checks of the chats' processes), not {}",
            self.recovery_check_ms
        );
        ensure!(
            self.recovery_grace_ms <= 600_000,
            "recovery_grace_ms must be 0 to 600000 (milliseconds a chat's processes stay exited before it counts \
             as interrupted), not {}",
            self.recovery_grace_ms
        );
        ensure!(self.max_in_flight > 0, "max_in_flight must be above 0");
        ensure!(
            self.checkpoint_keep_last > 0,
            "checkpoint_keep_last must be above 0"
        );
        // Retention forgets chats nothing can resume this long after their last sign of life: less than a day
        // would forget a session that is only quiet. Ten years bounds the milliseconds it is counted in.
        ensure!(
            (1..=3650).contains(&self.checkpoint_max_age_days),
            "checkpoint_max_age_days must be 1 to 3650, not {}",
            self.checkpoint_max_age_days
        );
        ensure!(
            self.tasks.ack_wait_s > 0,
            "tasks.ack_wait_s must be above 0"
        );
        ensure!(
            shim_protocol::limits::ATTEMPTS.contains(&self.tasks.max_attempts),
            "tasks.max_attempts must be {} to {}",
            shim_protocol::limits::ATTEMPTS.start(),
            shim_protocol::limits::ATTEMPTS.end()
        );
        for (key, replicas_opt) in [
            ("replicas", Some(self.replicas)),
            ("tasks.replicas", self.tasks.replicas),
            ("analytics.replicas", self.analytics.replicas),
        ] {
            if let Some(replicas) = replicas_opt {
                ensure!(
                    REPLICAS.contains(&replicas),
                    "{key} must be 1 to 5 (the copies NATS keeps of a stream), not {replicas}"
                );
            }
        }
        ensure!(
            self.tasks.retention_days > 0,
            "tasks.retention_days must be above 0"
        );
        ensure!(
            (1..=3650).contains(&self.analytics.max_age_days),
            "analytics.max_age_days must be 1 to 3650"
        );
        ensure!(
            self.analytics.max_bytes >= 1 << 20,
            "analytics.max_bytes must be at least 1048576 (1 MiB)"
        );
        ensure!(
            i64::try_from(self.analytics.max_bytes).is_ok(),
            "analytics.max_bytes is too large"
        );
        ensure!(
            (1..=366 * 24 * 3600).contains(&self.analytics.abandon_after_s),
            "analytics.abandon_after_s must be 1 to 31622400"
        );
        ensure!(
            !self.data_dir.as_os_str().is_empty(),
            "data_dir must not be empty"
        );
        Ok(())
    }

    /// The copies of the task queue's streams and buckets: `[tasks] replicas`, else `replicas`.
    pub fn task_replicas(&self) -> usize {
        self.tasks.replicas.unwrap_or(self.replicas)
    }

    /// The copies of the analytics and Kaizen stores: `[analytics] replicas`, else `replicas`.
    pub fn analytics_replicas(&self) -> usize {
        self.analytics.replicas.unwrap_or(self.replicas)
    }

    /// The most copies any stream or bucket is asked for.
    pub fn max_replicas(&self) -> usize {
        self.replicas
            .max(self.task_replicas())
            .max(self.analytics_replicas())
    }

    /// The `[analytics]` table with its copies resolved ([`analytics_replicas`](Self::analytics_replicas)).
    pub fn analytics_settings(&self) -> AnalyticsSettings {
        AnalyticsSettings {
            replicas: Some(self.analytics_replicas()),
            ..self.analytics.clone()
        }
    }

    /// The task queue's configuration.
    pub fn task_queue_config(&self) -> crate::coordination::tasks::TaskQueueConfig {
        crate::coordination::tasks::TaskQueueConfig {
            ack_wait: Duration::from_secs(self.tasks.ack_wait_s),
            max_attempts: self.tasks.max_attempts,
            backoff: Duration::from_millis(self.tasks.backoff_ms),
            replicas: self.task_replicas(),
            retention: Duration::from_secs(self.tasks.retention_days * 24 * 3600),
            ..crate::coordination::tasks::TaskQueueConfig::default()
        }
    }

    /// Returns [`request_timeout_ms`](Self::request_timeout_ms) as a duration.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_millis(self.request_timeout_ms)
    }

    /// Returns [`chat_away_after_s`](Self::chat_away_after_s) as a duration.
    pub fn chat_away_after(&self) -> Duration {
        Duration::from_secs(self.chat_away_after_s)
    }

    /// Returns [`chat_gone_after_s`](Self::chat_gone_after_s) as a duration.
    pub fn chat_gone_after(&self) -> Duration {
        Duration::from_secs(self.chat_gone_after_s)
    }

    /// How often, and for how long exited, the chats' processes are checked ([`recovery_check_ms`],
    /// [`recovery_grace_ms`]).
    ///
    /// [`recovery_check_ms`]: Self::recovery_check_ms
    /// [`recovery_grace_ms`]: Self::recovery_grace_ms
    pub fn recovery_timing(&self) -> crate::recovery::Timing {
        crate::recovery::Timing {
            check_every: Duration::from_millis(self.recovery_check_ms),
            grace: Duration::from_millis(self.recovery_grace_ms),
        }
    }

    /// Returns [`chat_idle_timeout_s`](Self::chat_idle_timeout_s) as a duration.
    pub fn chat_idle_timeout(&self) -> Duration {
        Duration::from_secs(self.chat_idle_timeout_s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(key, value)| ((*key).to_owned(), (*value).to_owned()))
            .collect()
    }

    fn temp_file(name: &str, text: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("shim-config-test-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("shim.toml");
        std::fs::write(&path, text).expect("writes");
        path
    }

    /// The `[kaizen]` example of docs/kaizen.md loads as written and means what the doc says; a wider range
    /// than the built-in one is refused at load.
    #[test]
    fn the_documented_kaizen_table_loads() {
        let doc =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/kaizen.md"))
                .expect("docs/kaizen.md");
        let start = doc
            .find("```toml\n[kaizen]")
            .expect("the doc shows a [kaizen] table")
            + 8;
        let table = &doc[start..start + doc[start..].find("```").expect("closed")];
        let path = temp_file("kaizen", table);
        let config = Config::load(Some(&path), &env(&[]), &Overrides::default()).expect("loads");
        assert_eq!(config.kaizen.max_auto_changes_per_day, 1);
        assert_eq!(config.kaizen.max_cost_increase, 0.05);
        assert_eq!(config.kaizen.approval["risk"], "requireApproval");
        assert_eq!(config.kaizen.bounds["checkpoint.every_calls"], [3.0, 10.0]);
        let wider = temp_file(
            "kaizen-wider",
            "[kaizen]\nbounds.\"checkpoint.every_calls\" = [1, 10]\n",
        );
        let refused = Config::load(Some(&wider), &env(&[]), &Overrides::default())
            .expect_err("wider than built in");
        assert!(
            format!("{refused:#}").contains("may only narrow"),
            "{refused:#}"
        );
    }

    #[test]
    fn presence_timing_is_refused_outside_its_range() {
        let load = |pairs: &[(&str, &str)]| Config::load(None, &env(pairs), &Overrides::default());
        let edges = load(&[
            ("SHIM_CHAT_AWAY_AFTER_S", "1"),
            ("SHIM_CHAT_GONE_AFTER_S", "2"),
        ])
        .expect("the lower edges load");
        assert_eq!((edges.chat_away_after_s, edges.chat_gone_after_s), (1, 2));
        load(&[
            ("SHIM_CHAT_AWAY_AFTER_S", "86400"),
            ("SHIM_CHAT_GONE_AFTER_S", "604800"),
        ])
        .expect("the upper edges load");
        for (pairs, said) in [
            (
                &[("SHIM_CHAT_AWAY_AFTER_S", "0")][..],
                "chat_away_after_s must be 1 to 86400",
            ),
            (
                &[("SHIM_CHAT_AWAY_AFTER_S", "86401")][..],
                "chat_away_after_s must be 1 to 86400",
            ),
            (
                &[("SHIM_CHAT_GONE_AFTER_S", "30")][..],
                "chat_gone_after_s must be above chat_away_after_s (30)",
            ),
            (
                &[("SHIM_CHAT_GONE_AFTER_S", "604801")][..],
                "and at most 604800",
            ),
        ] {
            let refused = load(pairs).expect_err("outside its range");
            assert!(format!("{refused:#}").contains(said), "{refused:#}");
        }
    }

    #[test]
    fn recovery_timing_is_taken_within_its_range_and_refused_outside_it() {
        let load = |pairs: &[(&str, &str)]| Config::load(None, &env(pairs), &Overrides::default());
        let defaults = load(&[]).expect("loads").recovery_timing();
        assert_eq!(defaults, crate::recovery::Timing::default());
        let edges = load(&[
            ("SHIM_RECOVERY_CHECK_MS", "100"),
            ("SHIM_RECOVERY_GRACE_MS", "600000"),
        ])
        .expect("the edges load");
        assert_eq!(
            edges.recovery_timing().check_every,
            Duration::from_millis(100)
        );
        assert_eq!(edges.recovery_timing().grace, Duration::from_secs(600));
        assert_eq!(
            load(&[("SHIM_RECOVERY_GRACE_MS", "0")])
                .expect("no grace")
                .recovery_grace_ms,
            0
        );
        for (key, value, said) in [
            (
                "SHIM_RECOVERY_CHECK_MS",
                "99",
                "recovery_check_ms must be 100 to 60000",
            ),
            (
                "SHIM_RECOVERY_CHECK_MS",
                "60001",
                "recovery_check_ms must be 100 to 60000",
            ),
            (
                "SHIM_RECOVERY_GRACE_MS",
                "600001",
                "recovery_grace_ms must be 0 to 600000",
            ),
        ] {
            let refused = load(&[(key, value)]).expect_err("outside its range");
            assert!(format!("{refused:#}").contains(said), "{refused:#}");
        }
    }

    #[test]
    fn a_latency_tolerance_in_the_file_is_known_as_set_there() {
        let set = temp_file("latency-set", "[kaizen]\nmax_latency_increase = 0.2\n");
        let config = Config::load(Some(&set), &env(&[]), &Overrides::default()).expect("loads");
        assert!(config.kaizen_latency_in_file);
        let other = temp_file("latency-unset", "[kaizen]\nmax_cost_increase = 0.02\n");
        let config = Config::load(Some(&other), &env(&[]), &Overrides::default()).expect("loads");
        assert!(!config.kaizen_latency_in_file);
        assert!(!Config::default().kaizen_latency_in_file);
    }

    #[test]
    fn layers_override_in_order() {
        let path = temp_file(
            "layers",
            "nats_url = \"nats://file:1\"\nnode_id = \"from-file\"\nmax_chats = 7\nmetrics_addr = \"off\"\n",
        );
        let config = Config::load(
            Some(&path),
            &env(&[("SHIM_NODE_ID", "from-env"), ("SHIM_MAX_CHATS", "9")]),
            &Overrides {
                node_id: Some("from-flag".to_owned()),
                ..Overrides::default()
            },
        )
        .expect("loads");
        assert_eq!(config.nats_url, "nats://file:1");
        assert_eq!(config.node_id, "from-flag");
        assert_eq!(config.max_chats, 9);
        assert_eq!(config.metrics_addr, None);
        assert_eq!(config.request_timeout_ms, 5_000);
    }

    #[test]
    fn the_otlp_address_comes_from_file_env_or_flag_and_off_disables_it() {
        let path = temp_file("otlp", "otlp_addr = \"127.0.0.1:14318\"\n");
        let from_file =
            Config::load(Some(&path), &HashMap::new(), &Overrides::default()).expect("loads");
        assert_eq!(
            from_file.otlp_addr,
            Some(SocketAddr::from(([127, 0, 0, 1], 14318)))
        );
        let from_env = Config::load(
            Some(&path),
            &env(&[("SHIM_OTLP_ADDR", "off")]),
            &Overrides::default(),
        )
        .expect("loads");
        assert_eq!(from_env.otlp_addr, None);
        let from_flag = Config::load(
            Some(&path),
            &env(&[("SHIM_OTLP_ADDR", "off")]),
            &Overrides {
                otlp_addr: Some("127.0.0.1:24318".to_owned()),
                ..Overrides::default()
            },
        )
        .expect("loads");
        assert_eq!(
            from_flag.otlp_addr,
            Some(SocketAddr::from(([127, 0, 0, 1], 24318)))
        );
        let bad = Config::load(
            Some(&path),
            &env(&[("SHIM_OTLP_ADDR", "everywhere")]),
            &Overrides::default(),
        )
        .expect_err("not an address");
        assert!(format!("{bad:#}").contains("SHIM_OTLP_ADDR"));
    }

    #[test]
    fn defaults_are_documented_values() {
        let config = Config::load(
            Some(&temp_file("defaults", "")),
            &HashMap::new(),
            &Overrides::default(),
        )
        .expect("loads");
        assert_eq!(config.nats_url, "nats://127.0.0.1:4222");
        assert_eq!(
            config.metrics_addr,
            Some(SocketAddr::from(([127, 0, 0, 1], 9464)))
        );
        assert_eq!(
            config.otlp_addr,
            Some(SocketAddr::from(([127, 0, 0, 1], 4318)))
        );
        assert!(config.data_dir.ends_with("shim"));
        assert!(validate_id("node id", &config.node_id).is_ok());
        assert!(config.embedded_nats);
    }

    #[test]
    fn unknown_keys_and_bad_values_are_rejected_with_the_culprit_named() {
        let unknown = Config::from_file(&temp_file("unknown", "nats_ulr = \"x\"\n"))
            .expect_err("unknown key");
        assert!(format!("{unknown:#}").contains("nats_ulr"));
        let bad_env = Config::load(
            Some(&temp_file("bad-env", "")),
            &env(&[("SHIM_MAX_CHATS", "lots")]),
            &Overrides::default(),
        )
        .expect_err("bad number");
        assert!(format!("{bad_env:#}").contains("SHIM_MAX_CHATS"));
        let bad_node = Config::load(
            Some(&temp_file("bad-node", "")),
            &HashMap::new(),
            &Overrides {
                node_id: Some("my.laptop".to_owned()),
                ..Overrides::default()
            },
        )
        .expect_err("dot in node id");
        assert!(format!("{bad_node:#}").contains("node"));
        assert!(
            Config::from_file(&temp_file("version", "version = 2\n"))
                .expect("parses")
                .validate()
                .is_err()
        );
        assert!(Config::from_file(Path::new("/nonexistent/shim.toml")).is_err());
        // Retention of zero days would forget every quiet chat within the minute.
        for days in ["0", "3651"] {
            let refused = Config::from_file(&temp_file(
                &format!("max-age-{days}"),
                &format!("checkpoint_max_age_days = {days}\n"),
            ))
            .expect("parses")
            .validate()
            .expect_err("out of range");
            assert!(
                format!("{refused:#}").contains("checkpoint_max_age_days must be 1 to 3650"),
                "{refused:#}"
            );
        }
    }

    #[test]
    fn nats_url_takes_a_list_of_servers_and_names_a_bad_entry() {
        let list = "nats://127.0.0.1:4222, nats://127.0.0.1:4223,nats://127.0.0.1:4224";
        let config = Config::load(
            Some(&temp_file("url-list", "")),
            &env(&[("SHIM_NATS_URL", list)]),
            &Overrides::default(),
        )
        .expect("a list loads");
        assert_eq!(config.nats_url, list);
        let bad = Config::load(
            Some(&temp_file("url-list-bad", "")),
            &HashMap::new(),
            &Overrides {
                nats_url: Some("nats://127.0.0.1:4222,,nats://127.0.0.1:4224".to_owned()),
                ..Overrides::default()
            },
        )
        .expect_err("an empty entry");
        let text = format!("{bad:#}");
        assert!(
            text.contains("invalid nats_url") && text.contains("empty entry (server 2)"),
            "{text}"
        );
    }

    #[test]
    fn replicas_apply_everywhere_unless_a_table_sets_its_own() {
        let default = Config::load(
            Some(&temp_file("replicas-default", "")),
            &HashMap::new(),
            &Overrides::default(),
        )
        .expect("loads");
        assert_eq!(
            (
                default.replicas,
                default.task_replicas(),
                default.analytics_replicas()
            ),
            (1, 1, 1)
        );
        let path = temp_file("replicas", "replicas = 3\n[analytics]\nreplicas = 1\n");
        let config =
            Config::load(Some(&path), &HashMap::new(), &Overrides::default()).expect("loads");
        assert_eq!(config.task_replicas(), 3, "the top-level count");
        assert_eq!(config.task_queue_config().replicas, 3);
        assert_eq!(config.analytics_replicas(), 1, "the table's own wins");
        assert_eq!(config.analytics_settings().copies(), 1);
        assert_eq!(config.max_replicas(), 3);
        // The environment sets the top-level count; a table's own key still wins over it.
        let from_env = Config::load(
            Some(&path),
            &env(&[("SHIM_REPLICAS", "5"), ("SHIM_TASK_REPLICAS", "3")]),
            &Overrides::default(),
        )
        .expect("loads");
        assert_eq!(
            (
                from_env.replicas,
                from_env.task_replicas(),
                from_env.analytics_replicas()
            ),
            (5, 3, 1)
        );
        for (key, value) in [("SHIM_REPLICAS", "0"), ("SHIM_TASK_REPLICAS", "7")] {
            let refused = Config::load(
                Some(&temp_file("replicas-bad", "")),
                &env(&[(key, value)]),
                &Overrides::default(),
            )
            .expect_err("out of range");
            assert!(
                format!("{refused:#}").contains("must be 1 to 5"),
                "{refused:#}"
            );
        }
    }

    #[test]
    fn a_risk_table_sets_thresholds_and_typos_are_refused() {
        let config = Config::from_file(&temp_file(
            "risk",
            "[risk]\nmessages_warning = 20\ncontext_danger = 0.8\n",
        ))
        .expect("parses");
        let risk = config.risk.expect("risk table");
        assert_eq!(risk.messages_warning, 20);
        assert!((risk.context_danger - 0.8).abs() < f64::EPSILON);
        assert_eq!(risk.messages_danger, 50, "unset keys keep their defaults");
        let typo = Config::from_file(&temp_file("risk-typo", "[risk]\nmesages_warning = 20\n"))
            .expect_err("typo");
        assert!(format!("{typo:#}").contains("mesages_warning"));
    }

    #[test]
    fn host_names_become_valid_node_ids() {
        assert_eq!(node_id_from_host("Dev-Laptop.local"), "dev-laptop-local");
        assert_eq!(node_id_from_host("  "), "local");
        assert_eq!(node_id_from_host("a b*c>d"), "a-b-c-d");
        assert!(validate_id("node id", &node_id_from_host(&"x".repeat(500))).is_ok());
    }

    #[test]
    fn the_routing_example_of_the_docs_loads_as_written() {
        let docs = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/routing.md"),
        )
        .expect("docs/routing.md");
        let start = docs
            .find("```toml\n[routing]")
            .expect("the [routing] example")
            + "```toml\n".len();
        let example = &docs[start..start + docs[start..].find("```").expect("its end")];
        let config = Config::from_file(&temp_file("routing-docs", example)).expect("parses");
        let learning = &config.routing.learning;
        assert_eq!(
            (
                learning.min_overrides,
                learning.lambda,
                learning.half_life_days
            ),
            (5, 0.25, 30.0)
        );
        assert_eq!(config.routing.budget.daily_limit_usd, Some(20.0));
    }
}
