//! `routing-model`: trains the learned router from the corpus and evaluates it against the baselines.
//!
//! ```sh
//! cargo run --release -p shim-tests --bin routing-model -- train [--seed N]   # writes the built-in weights
//! cargo run --release -p shim-tests --bin routing-model -- eval [--json]      # the report (docs/routing.md)
//! ```
//! Options: `--corpus FILE`, `--split FILE`, `--model FILE` (where `train` writes and `eval` reads; default
//! the built-in weights' source file).

use std::path::PathBuf;

use anyhow::{Context, bail};
use shim_actors::model_router::classifier::{Classifier, train::TrainOptions};
use shim_tests::{
    repo_root,
    routing_eval::{self, MODEL, Paths},
};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let root = repo_root();
    let mut paths = Paths::under(&root);
    let mut model = root.join(MODEL);
    let mut seed = 11u64;
    let mut json = false;
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--seed" => seed = value()?.parse().context("--seed takes a number")?,
            "--corpus" => paths.corpus = PathBuf::from(value()?),
            "--split" => paths.split = PathBuf::from(value()?),
            "--model" => model = PathBuf::from(value()?),
            "--json" => json = true,
            other => bail!("unknown argument {other}"),
        }
    }
    match command.as_str() {
        "train" => {
            let options = TrainOptions::with_seed(seed);
            let (classifier, report) = routing_eval::train(&paths, &options, &mut |line| {
                eprintln!("{line}");
            })?;
            let bytes = classifier.to_bytes();
            std::fs::write(&model, &bytes)
                .with_context(|| format!("writing {}", model.display()))?;
            eprintln!(
                "wrote {} ({} bytes): {:?} l2 {} temperature {:.3} thresholds {:?}",
                model.display(),
                bytes.len(),
                classifier.header.features,
                classifier.header.l2,
                classifier.header.temperature,
                classifier.header.thresholds
            );
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        "eval" => {
            let bytes =
                std::fs::read(&model).with_context(|| format!("reading {}", model.display()))?;
            let classifier = Classifier::from_bytes(&bytes)?;
            let report = routing_eval::evaluate(&classifier, &paths)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", report.markdown());
            }
        }
        _ => bail!("usage: routing-model train [--seed N] | eval [--json]"),
    }
    Ok(())
}
