//! One routing request inside the [`ModelRouter`](super::ModelRouter): checked in the mailbox, then
//! analysed in it when the prompt is short, off it when it is long.
//!
//! The analysis (token counting included) takes some microseconds for a prompt of a few lines, about half a
//! millisecond for a 2,000-token prompt and far more for the largest accepted one. A prompt of up to
//! [`INLINE_PROMPT_BYTES`] (the usual case; well under the ~500 µs a handler may take) is decided right in the
//! mailbox, counted and answered there: one message per request, no task. A longer one would hold up the
//! mailbox, so the actor takes a snapshot of what the decision needs (learned biases, the budget note,
//! models: shared, not copied) and runs the analysis on the blocking pool; the task sends the decision back as
//! [`ModelRouterMessage::Routed`] to be counted, priced and published, then answers the caller. Long prompts
//! are analysed in parallel, as they were when the analysis ran in request tasks. (Handing every prompt to
//! the blocking pool cost 60% of the throughput for short ones: a thread wake-up per request.)

use std::{collections::HashMap, sync::Arc};

use ractor::{ActorRef, RpcReplyPort};
use shim_protocol::{
    messages::{RouteAlternative, RouteReply, RouteRequest},
    subject::validate_id,
};

use crate::experiment_manager::catalogue;

use super::{
    MAX_PROMPT_BYTES, ModelRouterError, ModelRouterMessage, ModelRouterResult,
    router::{Learned, RouteDecision, RouteOptions, Strategy, Tier, TierModels, decide, prepare},
};

/// Longest prompt decided in the mailbox, in bytes (about 1,000 tokens, 0.2 ms to analyse); longer ones go
/// to the blocking pool.
pub const INLINE_PROMPT_BYTES: usize = 4 * 1024;

/// What a decision needs from the router's state, taken when the request arrives.
#[derive(Debug, Clone)]
pub(super) struct Snapshot {
    /// Biases learned per category.
    pub learned: Arc<HashMap<String, Learned>>,
    /// The profile's preferred tier per category.
    pub preferred: Arc<std::collections::BTreeMap<String, Tier>>,
    /// Set when a spend limit is near.
    pub budget_note_opt: Option<String>,
    /// The minimum tier.
    pub min_tier: Tier,
    /// Models and prices.
    pub models: Arc<TierModels>,
    /// The routing parameters of the chat asking (or those in force).
    pub leans: super::leans::Values,
}

/// Checks a request before any analysis: the chat id, the prompt's size and the strategy.
pub(super) fn check(request: &RouteRequest) -> ModelRouterResult<Strategy> {
    if let Some(chat_id) = &request.chat_id {
        validate_id("chat id", chat_id)?;
    }
    if request.prompt.trim().is_empty() {
        return Err(ModelRouterError::EmptyPrompt);
    }
    if request.prompt.len() > MAX_PROMPT_BYTES {
        return Err(ModelRouterError::PromptTooLarge {
            size: request.prompt.len(),
            limit: MAX_PROMPT_BYTES,
        });
    }
    match request.strategy.as_deref() {
        None | Some("") => Ok(Strategy::Balanced),
        Some(name) => Strategy::parse(name).ok_or_else(|| ModelRouterError::UnknownStrategy {
            name: name.to_owned(),
        }),
    }
}

/// A decision with what it is counted under.
pub(super) struct Routed {
    /// The prompt's category.
    pub category: String,
    /// The decision.
    pub decision: RouteDecision,
    /// Its wire form.
    pub reply: RouteReply,
    /// The chat that asked.
    pub chat_id_opt: Option<String>,
}

/// Analyses and decides (the costly part).
pub(super) fn decide_with(
    request: RouteRequest,
    strategy: Strategy,
    snapshot: &Snapshot,
) -> Routed {
    let RouteRequest {
        prompt, chat_id, ..
    } = request;
    let prepared = prepare(&prompt);
    let category = prepared.category();
    let options = RouteOptions {
        strategy,
        min_tier_opt: Some(snapshot.min_tier),
        learned_opt: snapshot.learned.get(&category).copied(),
        preferred_opt: snapshot.preferred.get(&category).copied(),
        economize: snapshot.budget_note_opt.is_some(),
        lean: catalogue::routing_lean(&snapshot.leans, &category),
    };
    let decision = decide(prepared, &snapshot.models, &options);
    let reply = to_reply(&decision, snapshot.budget_note_opt.clone());
    Routed {
        category,
        decision,
        reply,
        chat_id_opt: chat_id,
    }
}

/// Analyses the prompt on the blocking pool, hands the decision back to `router`, and answers `reply`.
pub(super) fn spawn(
    router: ActorRef<ModelRouterMessage>,
    request: RouteRequest,
    strategy: Strategy,
    snapshot: Snapshot,
    reply: RpcReplyPort<ModelRouterResult<RouteReply>>,
) {
    tokio::task::spawn_blocking(move || {
        let routed = decide_with(request, strategy, &snapshot);
        // Back to the mailbox before the caller hears of it, so what the caller asks next comes after it.
        // The router may be stopping; then the decision goes uncounted, as the node is going away.
        let _ = router.cast(ModelRouterMessage::Routed {
            category: routed.category,
            decision: Box::new(routed.decision),
            chat_id_opt: routed.chat_id_opt,
        });
        // The caller may have given up waiting; the decision still counts.
        let _ = reply.send(Ok(routed.reply));
    });
}

/// Turns a decision into its wire form.
pub fn to_reply(decision: &RouteDecision, budget_note_opt: Option<String>) -> RouteReply {
    RouteReply {
        model: decision.model.as_str().to_owned(),
        model_id: decision.model_id.clone(),
        confidence: (decision.confidence * 100.0).round() / 100.0,
        reasoning: match &budget_note_opt {
            Some(note) => format!("{}; {note}", decision.reasoning),
            None => decision.reasoning.clone(),
        },
        estimated_input_tokens: decision.estimated_input_tokens as u64,
        estimated_output_tokens: decision.estimated_output_tokens as u64,
        estimated_cost_usd: decision.estimated_cost_usd,
        alternatives: decision
            .alternatives
            .iter()
            .map(|alternative| RouteAlternative {
                model: alternative.model.as_str().to_owned(),
                model_id: alternative.model_id.clone(),
                estimated_cost_usd: alternative.estimated_cost_usd,
            })
            .collect(),
        complexity: decision.complexity.as_str().to_owned(),
        task_type: decision.task_type.clone(),
        overridden: decision.overridden,
        budget_note: budget_note_opt,
    }
}
