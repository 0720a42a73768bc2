//! The crash-risk model a chat's worker applies to its signals: the thresholds and how a snapshot of
//! signals scores ([`risk`]), the versioned thresholds in sled ([`params`]) and how transcripts are read
//! ([`transcript`]). No actor lives here: each chat's worker keeps its own window and reacts to it.

pub mod params;
pub mod risk;
pub mod transcript;

/// Advice added to tool results once per rise into danger.
pub const DANGER_ADVICE: &str = "SHIM: crash risk is DANGER. Save a checkpoint now (shim_checkpoint with a summary, \
     next steps and blockers), then wrap up or start a fresh session.";
