//! What every crate's `tests/fuzz.rs` shares (included with `#[path]`, so there is one knob for all of
//! them): how many cases a target runs, and how long one input may take.
//!
//! By default each target runs a bounded smoke of [`SMOKE_CASES`] cases, which `cargo test` (and so CI)
//! runs. `SHIM_FUZZ_CASES=<n>` runs `n` cases per target instead: the long mode, best in release, e.g.
//! `SHIM_FUZZ_CASES=1000000 cargo test --release -p shim-protocol --test fuzz`. A failing case is shrunk
//! and its seed saved under the crate's `proptest-regressions/`, which is committed: proptest replays it
//! first on every later run.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use proptest::test_runner::Config;

/// Cases per target in the smoke `cargo test` runs.
pub const SMOKE_CASES: u32 = 256;

/// Longest one input may take to parse. Parsers here are linear in their input, which is at most a few MB:
/// anything near this is a hang, even unoptimised.
pub const PER_INPUT: Duration = Duration::from_secs(5);

/// Cases per target: `SHIM_FUZZ_CASES`, or [`SMOKE_CASES`].
pub fn cases() -> u32 {
    match std::env::var("SHIM_FUZZ_CASES") {
        Ok(text) => text
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("SHIM_FUZZ_CASES={text:?} is not a number of cases")),
        Err(_) => SMOKE_CASES,
    }
}

/// The proptest configuration of every target: [`cases`] cases, and the default regression files.
pub fn config() -> Config {
    Config {
        cases: cases(),
        // A shrink that takes longer than the run is no help to a reader.
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

/// Runs `parse` on one input and checks it returned within [`PER_INPUT`].
pub fn bounded<R>(what: &str, parse: impl FnOnce() -> R) -> R {
    let started = Instant::now();
    let result = parse();
    let took = started.elapsed();
    assert!(
        took < PER_INPUT,
        "{what} took {took:?} on one input (limit {PER_INPUT:?})"
    );
    result
}
