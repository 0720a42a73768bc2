//! Model routing: the cheapest capable model tier for a prompt, with confidence and cost, learning from the
//! user's overrides and minding spend limits.
//!
//! Decisions come from the built-in classifier ([`classifier`], trained from the labelled corpus), shifted
//! per category by what the user's overrides taught ([`learning`]).
//!
//! The [`ModelRouter`] actor answers every routing operation ([`ModelRouterMessage::Route`], `Override`,
//! `Forget`) with a typed [`ModelRouterResult`]; the node's router service only carries them over NATS. It
//! owns what routing learns and spends: per-category overrides and the bias fitted to them, and the spend
//! ledger, all in sled. Counters of routed prompts and estimated spend are batched in memory and
//! written once a second. A short prompt is analysed in the mailbox; a long one off it, on the blocking
//! pool (see [`route`]), so overrides are not held up behind long prompts.
//!
//! Each node's router registers as [`ModelRouter::name`]`(node_id)`; [`ModelRouter::find`] looks it up.

pub mod analyzer;
pub mod budget;
pub mod classifier;
mod error;
mod leans;
pub mod learning;
mod lexicon;
mod overrides;
pub mod route;
pub mod router;

use std::{
    collections::{BTreeMap, HashMap},
    sync::Arc,
    time::Duration,
};

use ractor::{Actor, ActorProcessingErr, ActorRef, RpcReplyPort};
use serde::{Deserialize, Serialize};
use serde_json::json;
use shim_protocol::messages::{
    LearnedPreference, OverrideReply, OverrideRequest, RouteReply, RouteRequest,
};
use tracing::{debug, info, warn};

use crate::{metrics::ActorMetrics, now_ms, publisher::EventEmitter};
use budget::{Budget, SpendLedger, day_of, near_limit};
pub use error::{ModelRouterError, ModelRouterResult};
use learning::{LearningRules, OverrideStore};
use overrides::learned_of;
pub use route::to_reply;
use router::{Learned, RouteDecision, Tier, TierModels};

/// Largest prompt routed, in bytes (about 250k tokens).
pub use shim_protocol::limits::MAX_PROMPT_BYTES;

/// The categories prompts are sorted into (their task types), `other` last.
pub fn categories() -> Vec<&'static str> {
    lexicon::TASK_TYPES
        .iter()
        .map(|(name, _)| *name)
        .chain([lexicon::OTHER_TASK])
        .collect()
}

/// Most chats whose routed prompts are counted between two flushes (a second).
const MAX_COUNTED_CHATS: usize = 10_000;

/// Routing settings (the `[routing]` table of the config file).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RoutingSettings {
    /// Never route below this tier. Default haiku.
    pub min_tier: Option<Tier>,
    /// Model ids and prices per tier.
    pub models: TierModels,
    /// How overrides become a per-category bias.
    pub learning: LearningRules,
    /// Spend limits.
    pub budget: Budget,
}

/// What a routing decision needs from the router's state.
#[derive(Debug, Clone)]
pub struct RouteContext {
    /// The bias learned for the prompt's category.
    pub learned_opt: Option<Learned>,
    /// Set when a spend limit is near.
    pub budget_note_opt: Option<String>,
    /// The minimum tier.
    pub min_tier: Tier,
    /// Models and prices.
    pub models: TierModels,
}

/// Arguments of [`ModelRouter`].
#[derive(Debug, Clone)]
pub struct ModelRouterArgs {
    /// Stamps and publishes events.
    pub emitter: EventEmitter,
    /// Instruments.
    pub metrics: ActorMetrics,
    /// Settings.
    pub settings: RoutingSettings,
    /// The node's database (trees `routing` and `spend`).
    pub db: sled::Db,
}

/// Messages of [`ModelRouter`].
#[derive(Debug)]
pub enum ModelRouterMessage {
    /// Routes a prompt: the cheapest capable tier, with what was learned and the budget applied.
    Route(RouteRequest, RpcReplyPort<ModelRouterResult<RouteReply>>),
    /// What a prompt of a category would be routed with now.
    Context(String, RpcReplyPort<RouteContext>),
    /// A decision was made off the mailbox (to count, price and publish).
    Routed {
        /// Its category.
        category: String,
        /// The decision.
        decision: Box<RouteDecision>,
        /// The chat that asked.
        chat_id_opt: Option<String>,
    },
    /// The user chose another tier.
    Override(
        OverrideRequest,
        RpcReplyPort<ModelRouterResult<OverrideReply>>,
    ),
    /// An override's long prompt was scored off the mailbox (to be recorded).
    OverrideScored {
        /// The override, checked.
        checked: Box<overrides::Checked>,
        /// Its prompt's category and logits.
        scored: overrides::ScoredPrompt,
        /// Where the reply goes.
        reply: RpcReplyPort<ModelRouterResult<OverrideReply>>,
    },
    /// A session reported spend (US dollars since its last report).
    ActualSpend(f64),
    /// The routing parameters (the Kaizen loop's leans) of chat `chat_id_opt`, or with `None` the ones in
    /// force for every other chat.
    Parameters {
        /// The chat, or `None` for the values in force.
        chat_id_opt: Option<String>,
        /// Parameter values by name; only the routing ones are kept.
        values: BTreeMap<String, f64>,
    },
    /// The worker of this chat stopped: its own routing parameters are dropped.
    ChatStopped(String),
    /// Reads the routing parameters in force from the experiment manager (every [`leans::REFRESH_EVERY`]).
    RefreshParameters,
    /// The person's profile: a preferred tier per task type, and the spend per 7 days they accept (when the
    /// config sets no weekly limit).
    Preferences {
        /// Preferred tier by task type.
        tiers: BTreeMap<String, Tier>,
        /// Spend per 7 days, US dollars.
        weekly_limit_usd: Option<f64>,
    },
    /// Drops what was learned for a category (a task type); replies with the tier its bias pushed towards.
    Forget(String, RpcReplyPort<ModelRouterResult<Option<Tier>>>),
    /// Lists the biases learned, per category.
    Learned(RpcReplyPort<ModelRouterResult<Vec<LearnedPreference>>>),
    /// Writes batched counters.
    Flush,
}

/// Mutable state of [`ModelRouter`].
#[derive(Debug)]
pub struct ModelRouterState {
    args: ModelRouterArgs,
    overrides: OverrideStore,
    spend: SpendLedger,
    /// Shared with the analyses in flight; copied on write when one still holds it.
    learned: Arc<HashMap<String, Learned>>,
    models: Arc<TierModels>,
    /// The routing parameters in force and per chat.
    leans: leans::Leans,
    /// The profile's preferred tier per task type.
    preferred: Arc<BTreeMap<String, Tier>>,
    /// The profile's spend per 7 days, when the config sets no weekly limit.
    profile_weekly_usd: Option<f64>,
    pending_prompts: HashMap<String, u64>,
    /// Prompts routed per chat since the last flush, published then as one `routing.counted` per chat (so
    /// a session's routed prompts are counted without the analytics store reading every decision).
    pending_chat_routes: HashMap<String, u64>,
    pending_estimated_usd: f64,
    pending_actual_usd: f64,
    budget_note_opt: Option<String>,
}

/// The per-node model router.
#[derive(Debug, Default)]
pub struct ModelRouter;

impl ModelRouter {
    /// The service's name; node `node_id`'s router registers as `model_router.<node_id>` (see
    /// [`crate::names::service`]; node-scoped, as tests run several nodes in one process).
    pub const NAME: &'static str = "model_router";

    /// The name node `node_id`'s router registers under.
    pub fn name(node_id: &str) -> String {
        crate::names::service(ModelRouter::NAME, node_id)
    }

    /// The router of node `node_id`, if it is running.
    pub fn find(node_id: &str) -> Option<ActorRef<ModelRouterMessage>> {
        crate::names::find(&ModelRouter::name(node_id))
    }
}

impl Actor for ModelRouter {
    type Msg = ModelRouterMessage;
    type State = ModelRouterState;
    type Arguments = ModelRouterArgs;

    async fn pre_start(
        &self,
        myself: ActorRef<Self::Msg>,
        args: ModelRouterArgs,
    ) -> Result<Self::State, ActorProcessingErr> {
        let overrides = OverrideStore::open(&args.db)?;
        let spend = SpendLedger::open(&args.db)?;
        for (category, tier) in overrides.drop_legacy()? {
            info!(%category, tier = tier.as_str(), "routing preference of the lexicon router dropped");
            args.emitter.emit(
                "routing",
                "preference_reverted",
                None,
                json!({"category": category, "tier": tier.as_str(), "reason": "the learned router replaced the lexicon router; overrides are learned anew"}),
            );
        }
        let rules = &args.settings.learning;
        if rules.min_share.is_some() || rules.min_agreement.is_some() {
            warn!(
                "routing.learning min_share and min_agreement are no longer used; see min_overrides and lambda"
            );
        }
        let learned = overrides
            .preferences()?
            .into_iter()
            .map(|(category, preference)| (category, learned_of(&preference)))
            .collect::<HashMap<_, _>>();
        info!(learned = learned.len(), "model router ready");
        myself.send_interval(Duration::from_secs(1), || ModelRouterMessage::Flush);
        myself.send_interval(leans::REFRESH_EVERY, || {
            ModelRouterMessage::RefreshParameters
        });
        let _ = myself.cast(ModelRouterMessage::RefreshParameters);
        let models = Arc::new(args.settings.models.clone());
        let mut state = ModelRouterState {
            args,
            overrides,
            spend,
            learned: Arc::new(learned),
            models,
            leans: leans::Leans::default(),
            preferred: Arc::default(),
            profile_weekly_usd: None,
            pending_prompts: HashMap::new(),
            pending_chat_routes: HashMap::new(),
            pending_estimated_usd: 0.0,
            pending_actual_usd: 0.0,
            budget_note_opt: None,
        };
        state.refresh_budget();
        Ok(state)
    }

    async fn post_stop(
        &self,
        _myself: ActorRef<Self::Msg>,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        state.flush();
        Ok(())
    }

    async fn handle(
        &self,
        myself: ActorRef<Self::Msg>,
        message: Self::Msg,
        state: &mut Self::State,
    ) -> Result<(), ActorProcessingErr> {
        match message {
            ModelRouterMessage::Route(request, reply) => match route::check(&request) {
                Ok(strategy) if request.prompt.len() <= route::INLINE_PROMPT_BYTES => {
                    let snapshot = state.snapshot(request.chat_id.as_deref());
                    let routed = route::decide_with(request, strategy, &snapshot);
                    state.routed(
                        routed.category,
                        &routed.decision,
                        routed.chat_id_opt.as_deref(),
                    );
                    let _ = reply.send(Ok(routed.reply));
                }
                Ok(strategy) => {
                    let snapshot = state.snapshot(request.chat_id.as_deref());
                    route::spawn(myself, request, strategy, snapshot, reply)
                }
                Err(error) => {
                    let _ = reply.send(Err(error));
                }
            },
            ModelRouterMessage::Context(category, reply) => {
                let _ = reply.send(RouteContext {
                    learned_opt: state.learned.get(&category).copied(),
                    budget_note_opt: state.budget_note_opt.clone(),
                    min_tier: state.args.settings.min_tier.unwrap_or(Tier::Haiku),
                    models: state.args.settings.models.clone(),
                });
            }
            ModelRouterMessage::Routed {
                category,
                decision,
                chat_id_opt,
            } => state.routed(category, &decision, chat_id_opt.as_deref()),
            ModelRouterMessage::Override(request, reply) => {
                overrides::handle(state, myself, request, reply);
            }
            ModelRouterMessage::OverrideScored {
                checked,
                scored,
                reply,
            } => {
                let _ = reply.send(state.record_override(*checked, scored));
            }
            ModelRouterMessage::ActualSpend(usd) => {
                if usd.is_finite() && usd > 0.0 {
                    state.pending_actual_usd += usd;
                }
            }
            ModelRouterMessage::Parameters {
                chat_id_opt,
                values,
            } => match chat_id_opt {
                Some(chat_id) => state.leans.set_chat(chat_id, values),
                None => state.leans.set_in_force(values),
            },
            ModelRouterMessage::Preferences {
                tiers,
                weekly_limit_usd,
            } => {
                state.preferred = Arc::new(tiers);
                state.profile_weekly_usd =
                    weekly_limit_usd.filter(|usd| usd.is_finite() && *usd > 0.0);
                state.refresh_budget();
            }
            ModelRouterMessage::ChatStopped(chat_id) => state.leans.forget(&chat_id),
            ModelRouterMessage::RefreshParameters => {
                refresh_parameters(&myself, &state.args.emitter)
            }
            ModelRouterMessage::Forget(category, reply) => {
                let _ = reply.send(state.forget(category));
            }
            ModelRouterMessage::Learned(reply) => {
                let _ = reply.send(state.learned_list());
            }
            ModelRouterMessage::Flush => state.flush(),
        }
        Ok(())
    }
}

impl ModelRouterState {
    fn snapshot(&self, chat_id_opt: Option<&str>) -> route::Snapshot {
        route::Snapshot {
            leans: self.leans.of(chat_id_opt),
            learned: self.learned.clone(),
            preferred: self.preferred.clone(),
            budget_note_opt: self.budget_note_opt.clone(),
            min_tier: self.args.settings.min_tier.unwrap_or(Tier::Haiku),
            models: self.models.clone(),
        }
    }

    fn routed(&mut self, category: String, decision: &RouteDecision, chat_id_opt: Option<&str>) {
        let models = &self.args.settings.models;
        let opus_cost = models.cost(
            Tier::Opus,
            decision.estimated_input_tokens,
            decision.estimated_output_tokens,
        );
        self.args.metrics.record_routing(
            decision.model.as_str(),
            decision.estimated_cost_usd,
            (opus_cost - decision.estimated_cost_usd).max(0.0),
        );
        *self.pending_prompts.entry(category.clone()).or_insert(0) += 1;
        if let Some(chat_id) = chat_id_opt {
            // Bounded by the chats that route within one flush; past the bound a chat's prompts go
            // uncounted in its session record (never in the router's own counts).
            let known = self.pending_chat_routes.contains_key(chat_id);
            if known || self.pending_chat_routes.len() < MAX_COUNTED_CHATS {
                *self
                    .pending_chat_routes
                    .entry(chat_id.to_owned())
                    .or_insert(0) += 1;
            }
        }
        self.pending_estimated_usd += decision.estimated_cost_usd;
        self.args.emitter.emit(
            "routing",
            "decided",
            chat_id_opt,
            json!({
                "model": decision.model.as_str(),
                "tier": decision.model.as_str(),
                "model_id": decision.model_id,
                "confidence": decision.confidence,
                "category": category,
                "input_tokens": decision.estimated_input_tokens,
                "output_tokens": decision.estimated_output_tokens,
                "estimated_cost_usd": decision.estimated_cost_usd,
                "opus_cost_usd": opus_cost,
                "overridden": decision.overridden,
            }),
        );
    }

    fn flush(&mut self) {
        for (chat_id, routed) in std::mem::take(&mut self.pending_chat_routes) {
            // `node` makes two nodes' counts for one chat in the same millisecond two events.
            self.args.emitter.emit(
                "routing",
                "counted",
                Some(&chat_id),
                json!({"routed": routed, "node": self.args.emitter.node_id()}),
            );
        }
        for (category, count) in std::mem::take(&mut self.pending_prompts) {
            if let Err(error) = self.overrides.count_prompts(&category, count) {
                warn!(%category, %error, "failed to count routed prompts");
            }
        }
        let (estimated, actual) = (
            std::mem::take(&mut self.pending_estimated_usd),
            std::mem::take(&mut self.pending_actual_usd),
        );
        if estimated > 0.0 || actual > 0.0 {
            if let Err(error) = self.spend.add(day_of(now_ms()), estimated, actual) {
                warn!(%error, "failed to record spend");
            }
            self.refresh_budget();
        }
    }

    /// The limits in force: the config's, with the profile's weekly spend where the config sets none.
    fn budget(&self) -> Budget {
        let mut budget = self.args.settings.budget.clone();
        if budget.weekly_limit_usd.is_none() {
            budget.weekly_limit_usd = self.profile_weekly_usd;
        }
        budget
    }

    fn refresh_budget(&mut self) {
        let note_opt = self
            .spend
            .totals(day_of(now_ms()))
            .ok()
            .and_then(|(today, week)| near_limit(&self.budget(), today, week));
        if note_opt.is_some() && self.budget_note_opt.is_none() {
            self.args
                .emitter
                .emit("routing", "budget_near", None, json!({"note": note_opt}));
        }
        self.budget_note_opt = note_opt;
    }
}

/// Asks this node's experiment manager for the parameters in force, off the mailbox, and hands the routing
/// ones back to the router. Nothing happens when no manager runs; the last values stay.
fn refresh_parameters(router: &ActorRef<ModelRouterMessage>, emitter: &EventEmitter) {
    use crate::experiment_manager::{ExperimentManager, ExperimentManagerMessage};

    let Some(manager) = ExperimentManager::find(emitter.node_id()) else {
        return;
    };
    let router = router.clone();
    tokio::spawn(async move {
        let listed = manager
            .call(
                ExperimentManagerMessage::Parameters,
                Some(leans::REFRESH_EVERY),
            )
            .await;
        match listed {
            Ok(ractor::rpc::CallResult::Success(Ok(list))) => {
                let values = list
                    .parameters
                    .into_iter()
                    .map(|parameter| (parameter.name, parameter.value))
                    .collect();
                let _ = router.cast(ModelRouterMessage::Parameters {
                    chat_id_opt: None,
                    values,
                });
            }
            Ok(ractor::rpc::CallResult::Success(Err(error))) => {
                debug!(%error, "the routing parameters in force could not be read; the last ones stay")
            }
            _ => debug!(
                "the experiment manager did not answer; the routing parameters in force stay"
            ),
        }
    });
}

#[cfg(test)]
mod tests;
