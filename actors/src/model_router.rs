//! Model routing: the cheapest capable model tier for a prompt, with confidence and cost, learning from the
//! user's overrides.

pub mod analyzer;
mod lexicon;
pub mod router;
