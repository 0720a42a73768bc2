//! The routing parameters the Kaizen loop may change (`routing.lean` and `routing.lean.<category>`, see
//! [`crate::experiment_manager::catalogue`]) as the router holds them: the values in force for every chat,
//! and each chat's own when its worker said what they are.
//!
//! A chat's worker asks the experiment manager for the chat's parameters when its session opens (its
//! variant of each running experiment included) and hands the routing ones to the router; a prompt of that
//! chat is routed with them for as long as its worker runs, as its checkpoint thresholds are, and they are
//! dropped when the worker stops. They are this node's: in a cluster, a prompt of the chat that another
//! node's router takes is routed with the values in force there. A prompt of a
//! chat the router has not heard of, or of no chat, is routed with the values in force, which the router
//! reads from the experiment manager every [`REFRESH_EVERY`], so a shipped change reaches it within that.

use std::{
    collections::{BTreeMap, HashMap, VecDeque},
    sync::Arc,
    time::Duration,
};

use crate::experiment_manager::catalogue;

/// How often the values in force are read again.
pub(super) const REFRESH_EVERY: Duration = Duration::from_secs(10);

/// Most chats whose own values are kept; the oldest heard of is forgotten first (it is routed with the
/// values in force from then on).
pub(super) const MAX_CHATS: usize = 10_000;

/// A set of routing values, by parameter name.
pub(super) type Values = Arc<BTreeMap<String, f64>>;

/// The values in force and each chat's.
#[derive(Debug, Default)]
pub(super) struct Leans {
    in_force: Values,
    chats: HashMap<String, Values>,
    order: VecDeque<String>,
}

/// Only the routing parameters of `values`, the ones that are numbers.
fn routing_only(values: BTreeMap<String, f64>) -> Values {
    Arc::new(
        values
            .into_iter()
            .filter(|(name, value)| catalogue::is_routing(name) && value.is_finite())
            .collect(),
    )
}

impl Leans {
    /// The values a prompt of `chat_id_opt` is routed with.
    pub(super) fn of(&self, chat_id_opt: Option<&str>) -> Values {
        chat_id_opt
            .and_then(|chat_id| self.chats.get(chat_id))
            .unwrap_or(&self.in_force)
            .clone()
    }

    /// Sets the values in force for chats the router has not heard of.
    pub(super) fn set_in_force(&mut self, values: BTreeMap<String, f64>) {
        self.in_force = routing_only(values);
    }

    /// Drops chat `chat_id`'s own values (its worker stopped).
    pub(super) fn forget(&mut self, chat_id: &str) {
        if self.chats.remove(chat_id).is_some() {
            self.order.retain(|kept| kept != chat_id);
        }
    }

    /// Sets chat `chat_id`'s own values.
    pub(super) fn set_chat(&mut self, chat_id: String, values: BTreeMap<String, f64>) {
        let values = routing_only(values);
        if self.chats.insert(chat_id.clone(), values).is_none() {
            self.order.push_back(chat_id);
            while self.chats.len() > MAX_CHATS {
                let Some(oldest) = self.order.pop_front() else {
                    break;
                };
                self.chats.remove(&oldest);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chat_keeps_its_own_values_others_get_those_in_force_and_the_oldest_chat_goes_first() {
        let mut leans = Leans::default();
        leans.set_in_force(BTreeMap::from([
            ("routing.lean".to_owned(), 0.2),
            ("checkpoint.every_calls".to_owned(), 3.0),
        ]));
        assert_eq!(
            *leans.of(None),
            BTreeMap::from([("routing.lean".to_owned(), 0.2)]),
            "only routing parameters are kept"
        );
        leans.set_chat(
            "chat-a".to_owned(),
            BTreeMap::from([
                ("routing.lean.design".to_owned(), 1.1),
                ("routing.lean".to_owned(), f64::NAN),
            ]),
        );
        assert_eq!(
            *leans.of(Some("chat-a")),
            BTreeMap::from([("routing.lean.design".to_owned(), 1.1)])
        );
        assert_eq!(leans.of(Some("chat-b")), leans.of(None));
        for index in 0..MAX_CHATS {
            leans.set_chat(format!("chat-{index}"), BTreeMap::new());
        }
        assert_eq!(leans.chats.len(), MAX_CHATS);
        assert_eq!(
            leans.of(Some("chat-a")),
            leans.of(None),
            "the oldest chat was forgotten"
        );
        assert!(leans.of(Some("chat-0")).is_empty());
        leans.forget("chat-0");
        assert_eq!(
            leans.of(Some("chat-0")),
            leans.of(None),
            "a stopped chat's values are dropped"
        );
        assert_eq!(leans.order.len(), MAX_CHATS - 1);
    }
}
