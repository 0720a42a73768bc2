//! Overrides in the [`ModelRouter`](super::ModelRouter): checked in the mailbox; the prompt scored there when
//! it is short, on the blocking pool when it is long (as a route request is, see [`super::route`]); then
//! recorded as an example, the category's bias refitted, and every change published with its evidence. Also
//! listing and forgetting what was learned.

use std::sync::Arc;

use ractor::{ActorRef, RpcReplyPort};
use serde_json::json;
use shim_protocol::messages::{LearnedPreference, OverrideReply, OverrideRequest};
use tracing::info;

use super::{
    MAX_PROMPT_BYTES, ModelRouterError, ModelRouterMessage, ModelRouterResult, ModelRouterState,
    learning::{CATEGORIES, LearningChange, OverrideExample, Preference},
    route::INLINE_PROMPT_BYTES,
    router::{Learned, Tier, prepare},
};
use crate::now_ms;

/// Characters of an override's reason kept with its example.
pub(super) const MAX_REASON_CHARS: usize = 500;

/// An override whose size and tiers were checked.
#[derive(Debug)]
pub struct Checked {
    /// The request.
    pub request: OverrideRequest,
    /// The tier recommended.
    pub recommended: Tier,
    /// The tier chosen.
    pub chosen: Tier,
}

/// What learning keeps of an override's prompt: its category and the model's calibrated logits.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredPrompt {
    /// The task type.
    pub category: String,
    /// The built-in model's calibrated logits (haiku, sonnet, opus).
    pub logits: [f64; 3],
}

impl ScoredPrompt {
    /// Analyses and scores a prompt (the costly part).
    pub fn of(prompt: &str) -> ScoredPrompt {
        let prepared = prepare(prompt);
        ScoredPrompt {
            category: prepared.category(),
            logits: prepared.calibrated_logits(),
        }
    }
}

/// Checks an override before any analysis: the prompt's size and both tiers.
pub(super) fn check(request: OverrideRequest) -> ModelRouterResult<Checked> {
    if let Some(chat_id) = &request.chat_id {
        shim_protocol::subject::validate_id("chat id", chat_id)?;
    }
    if request.prompt.len() > MAX_PROMPT_BYTES {
        return Err(ModelRouterError::PromptTooLarge {
            size: request.prompt.len(),
            limit: MAX_PROMPT_BYTES,
        });
    }
    // As a routing request's: an empty prompt would teach its category from nothing.
    if request.prompt.trim().is_empty() {
        return Err(ModelRouterError::EmptyPrompt);
    }
    let parse = |field: &'static str, value: &str| {
        Tier::parse(value).ok_or_else(|| ModelRouterError::UnknownTier {
            field,
            value: value.to_owned(),
        })
    };
    let recommended = parse("recommended", &request.recommended)?;
    let chosen = parse("chosen", &request.chosen)?;
    Ok(Checked {
        request,
        recommended,
        chosen,
    })
}

/// Handles an override: a short prompt is scored and recorded right in the mailbox; a long one is scored on
/// the blocking pool and comes back as [`ModelRouterMessage::OverrideScored`] to be recorded.
pub(super) fn handle(
    state: &mut ModelRouterState,
    router: ActorRef<ModelRouterMessage>,
    request: OverrideRequest,
    reply: RpcReplyPort<ModelRouterResult<OverrideReply>>,
) {
    match check(request) {
        Ok(checked) if checked.request.prompt.len() <= INLINE_PROMPT_BYTES => {
            let scored = ScoredPrompt::of(&checked.request.prompt);
            let _ = reply.send(state.record_override(checked, scored));
        }
        Ok(checked) => {
            tokio::task::spawn_blocking(move || {
                let scored = ScoredPrompt::of(&checked.request.prompt);
                // The router may be stopping; then the caller's call fails and it can retry elsewhere.
                let _ = router.cast(ModelRouterMessage::OverrideScored {
                    checked: Box::new(checked),
                    scored,
                    reply,
                });
            });
        }
        Err(error) => {
            let _ = reply.send(Err(error));
        }
    }
}

impl ModelRouterState {
    /// Records a checked override of a scored prompt: the example, the refitted bias, the events.
    pub(super) fn record_override(
        &mut self,
        checked: Checked,
        scored: ScoredPrompt,
    ) -> ModelRouterResult<OverrideReply> {
        let Checked {
            request,
            recommended,
            chosen,
        } = checked;
        let ScoredPrompt { category, logits } = scored;
        // Prompts routed but not yet written count too.
        if let Some(pending) = self.pending_prompts.remove(&category) {
            self.overrides.count_prompts(&category, pending)?;
        }
        let now = now_ms();
        let (learning, changes) = self.overrides.record(
            &category,
            OverrideExample {
                logits,
                recommended,
                chosen,
                at_ms: now,
                // Kept with every example: bounded, so 50 examples stay small whatever a client sends.
                reason: request
                    .reason
                    .as_ref()
                    .map(|reason| reason.chars().take(MAX_REASON_CHARS).collect()),
            },
            &self.args.settings.learning,
            now,
        )?;
        self.args
            .metrics
            .record_override(recommended.as_str(), chosen.as_str());
        self.args.emitter.emit(
            "routing",
            "override",
            request.chat_id.as_deref(),
            json!({"category": category, "recommended": recommended.as_str(), "chosen": chosen.as_str(), "reason": request.reason}),
        );
        for change in changes {
            self.publish(&category, change);
        }
        match &learning.preference {
            Some(preference) => {
                Arc::make_mut(&mut self.learned).insert(category.clone(), learned_of(preference));
            }
            None => {
                Arc::make_mut(&mut self.learned).remove(&category);
            }
        }
        Ok(OverrideReply {
            category,
            overrides: learning.override_count,
            prompts: learning.prompts,
            adopted: learning
                .preference
                .map(|preference| preference.toward.as_str().to_owned()),
        })
    }

    /// Publishes a change of what a category learned, with its evidence.
    pub(super) fn publish(&self, category: &str, change: LearningChange) {
        let (kind, data) = match change {
            LearningChange::Adopted(preference) => {
                info!(%category, tier = preference.toward.as_str(), evidence = %preference.evidence, "routing preference adopted");
                ("preference_adopted", preference_data(category, &preference))
            }
            LearningChange::Updated(preference) => {
                info!(%category, tier = preference.toward.as_str(), evidence = %preference.evidence, "routing preference updated");
                ("preference_updated", preference_data(category, &preference))
            }
            LearningChange::Reverted { tier, reason } => {
                info!(%category, tier = tier.as_str(), %reason, "routing preference reverted");
                (
                    "preference_reverted",
                    json!({"category": category, "tier": tier.as_str(), "reason": reason}),
                )
            }
        };
        self.args.emitter.emit("routing", kind, None, data);
    }

    /// Lists the biases in use, per category (from the store: what a restart would read back).
    pub(super) fn learned_list(&self) -> ModelRouterResult<Vec<LearnedPreference>> {
        Ok(self
            .overrides
            .preferences()?
            .into_iter()
            .map(|(category, preference)| LearnedPreference {
                category,
                tier: preference.toward.as_str().to_owned(),
                overrides: preference.overrides,
                shift: preference.shift.to_vec(),
                evidence: preference.evidence,
                at_ms: preference.at_ms,
            })
            .collect())
    }

    /// Drops what a category learned; returns the tier its bias pushed towards.
    pub(super) fn forget(&mut self, category: String) -> ModelRouterResult<Option<Tier>> {
        if !CATEGORIES.contains(&category.as_str()) {
            return Err(ModelRouterError::UnknownCategory { name: category });
        }
        let dropped_opt = self.overrides.reset(&category)?;
        Arc::make_mut(&mut self.learned).remove(&category);
        if let Some(preference) = &dropped_opt {
            info!(%category, tier = preference.toward.as_str(), evidence = %preference.evidence, "routing preference forgotten");
            self.args.emitter.emit(
                "routing",
                "preference_reverted",
                None,
                json!({
                    "category": category,
                    "tier": preference.toward.as_str(),
                    "reason": "reset by the user",
                    "evidence": preference.evidence,
                }),
            );
        }
        Ok(dropped_opt.map(|preference| preference.toward))
    }
}

/// What a decision needs of a category's preference.
pub(super) fn learned_of(preference: &Preference) -> Learned {
    Learned {
        shift: preference.shift,
        toward: preference.toward,
        overrides: preference.overrides,
    }
}

/// An adopted or updated preference as event data: the tier, the shift per tier and the evidence.
fn preference_data(category: &str, preference: &Preference) -> serde_json::Value {
    json!({
        "category": category,
        "tier": preference.toward.as_str(),
        "overrides": preference.overrides,
        "shift": {
            "haiku": preference.shift[0],
            "sonnet": preference.shift[1],
            "opus": preference.shift[2],
        },
        "evidence": preference.evidence,
    })
}
