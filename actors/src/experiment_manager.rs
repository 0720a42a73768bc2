//! The experiment manager of the Kaizen loop (docs/kaizen.md). The `ExperimentManager` actor, which runs
//! experiments over the versioned parameter store, will live in this module; for now it holds the
//! statistics the actor, the opportunity detector, the safety bounds and the rollout will call.
//!
//! # Layout
//! - [`stats`]: pure functions over plain structs (no I/O): Welch's t-test, the two-proportion z-test, relative
//!   lift, sample ratio mismatch, power and sample size, safe early looks, multiple-testing adjustments and
//!   one-sided guardrail tests.

pub mod stats;
