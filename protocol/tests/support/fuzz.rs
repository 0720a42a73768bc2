//! What every crate's `tests/fuzz.rs` shares (included with `#[path]`, so there is one knob for all of
//! them): how many cases a target runs, and how long one input may take.
//!
//! By default each target runs a bounded smoke of [`SMOKE_CASES`] cases, which `cargo test` (and so CI)
//! runs. `SHIM_FUZZ_CASES=<n>` runs `n` cases per target instead: the long mode, best in release, e.g.
//! `SHIM_FUZZ_CASES=100000 cargo test --release -p shim-protocol --test fuzz`. A failing case is shrunk
//! and its seed saved in the crate's `proptest-regressions/fuzz.txt`, which is committed: proptest replays
//! it first on every later run.

#![allow(dead_code)]

use std::time::{Duration, Instant};

use proptest::{
    prelude::*,
    test_runner::{Config, FileFailurePersistence},
};
use serde_json::{Value, json};

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

/// The proptest configuration of every target: [`cases`] cases; a failing case's seed goes to the crate's
/// `proptest-regressions/fuzz.txt` (tests run in the crate's directory).
pub fn config() -> Config {
    Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/fuzz.txt",
        ))),
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

/// A seed with one field replaced by a value of another shape.
pub fn replace_one(seed: &Value, path_choice: usize, replacement: Value) -> Value {
    fn paths(value: &Value, at: Vec<Value>, out: &mut Vec<Vec<Value>>) {
        out.push(at.clone());
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let mut next = at.clone();
                    next.push(json!(key));
                    paths(child, next, out);
                }
            }
            Value::Array(items) => {
                for (index, child) in items.iter().enumerate() {
                    let mut next = at.clone();
                    next.push(json!(index));
                    paths(child, next, out);
                }
            }
            _ => {}
        }
    }
    let mut all = Vec::new();
    paths(seed, Vec::new(), &mut all);
    let path = &all[path_choice % all.len()];
    let mut mutated = seed.clone();
    let mut slot = &mut mutated;
    for step in path {
        slot = match step {
            Value::String(key) => &mut slot[key.as_str()],
            other => &mut slot[other.as_u64().expect("an index") as usize],
        };
    }
    *slot = replacement;
    mutated
}

/// Values of every shape, at their limits.
pub fn wrong_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        Just(json!(u64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(-1)),
        Just(json!(f64::MAX)),
        Just(json!(1e-300)),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,40}".prop_map(Value::from),
        (0usize..200_000).prop_map(|len| Value::from("é".repeat(len))),
        Just(json!("from_a_later_release")),
        (0usize..300).prop_map(|depth| {
            (0..depth).fold(Value::Null, |inner, _| Value::Array(vec![inner]))
        }),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,12}", inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}
