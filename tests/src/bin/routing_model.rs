//! `routing-model`: trains the learned router from the corpus and evaluates it against the baselines.
//!
//! ```sh
//! cargo run --release -p shim-tests --bin routing-model -- train [--seed N]   # writes the built-in weights
//! cargo run --release -p shim-tests --bin routing-model -- eval [--json]      # the report (docs/routing.md)
//! cargo run --release -p shim-tests --bin routing-model -- writers            # each writer held out in turn
//! ```
//! Options: `--corpus FILE`, `--split FILE`, `--model FILE` (where `train` writes and `eval` reads; default
//! the built-in weights' source file), `--iterations N` (L-BFGS iterations at most), `--candidates JSON` (the hyper-parameters cross-validated, instead of
//! the default grid: `[{"features": {...}, "l2": 0.001}, ...]`), `--trees JSON` (the trees' settings
//! cross-validated, instead of the default grid: `[{"rounds": 200, "depth": 4, "learning_rate": 0.05,
//! "min_leaf": 20, "l2": 1.0, "words": 1000}, ...]`).

use std::path::PathBuf;

use anyhow::{Context, bail};
use shim_actors::model_router::classifier::{
    Classifier,
    train::{Candidate, TrainOptions},
    trees::TreeParams,
};
use shim_tests::{
    repo_root,
    routing_eval::{self, MODEL, Paths, writers},
};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let root = repo_root();
    let mut paths = Paths::under(&root);
    let mut model = root.join(MODEL);
    let mut seed = 11u64;
    let mut json = false;
    let mut candidates_opt: Option<Vec<Candidate>> = None;
    let mut trees_opt: Option<Vec<TreeParams>> = None;
    let mut iterations_opt: Option<usize> = None;
    while let Some(arg) = args.next() {
        let mut value = || args.next().with_context(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--seed" => seed = value()?.parse().context("--seed takes a number")?,
            "--corpus" => paths.corpus = PathBuf::from(value()?),
            "--split" => paths.split = PathBuf::from(value()?),
            "--model" => model = PathBuf::from(value()?),
            "--json" => json = true,
            "--iterations" => {
                iterations_opt = Some(value()?.parse().context("--iterations takes a number")?)
            }
            "--candidates" => {
                candidates_opt = Some(
                    serde_json::from_str(&value()?)
                        .context("--candidates takes a JSON list of {features, l2}")?,
                )
            }
            "--trees" => trees_opt = Some(serde_json::from_str(&value()?).context(
                "--trees takes a JSON list of {rounds, depth, learning_rate, min_leaf, l2, words}",
            )?),
            other => bail!("unknown argument {other}"),
        }
    }
    match command.as_str() {
        "train" => {
            let mut options = TrainOptions::with_seed(seed);
            if let Some(iterations) = iterations_opt {
                options.max_iterations = iterations;
            }
            if let Some(candidates) = candidates_opt {
                options.candidates = candidates;
            }
            if let Some(trees) = trees_opt {
                options.tree_grid = trees;
            }
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
        "misses" => {
            // The validation rows the model routes wrongly (never the test's): for looking at errors.
            let bytes =
                std::fs::read(&model).with_context(|| format!("reading {}", model.display()))?;
            let classifier = Classifier::from_bytes(&bytes)?;
            let corpus = routing_eval::load_corpus(&paths.corpus)?;
            let split = routing_eval::load_split(&paths.split)?;
            for row in routing_eval::rows_of(&corpus, &split.validation)? {
                let routed =
                    routing_eval::route(routing_eval::System::Model, &classifier, &row.prompt);
                if routed.tier != row.label {
                    let start: String = row.prompt.chars().take(160).collect();
                    println!(
                        "{} {} -> {} {:?} [{} {}] {}",
                        row.id,
                        row.label,
                        routed.tier,
                        routed
                            .probabilities_opt
                            .map(|p| p.map(|v| (v * 100.0).round() / 100.0)),
                        row.category,
                        row.trap.as_deref().unwrap_or("-"),
                        start.replace('\n', " ")
                    );
                }
            }
        }
        "writers" => {
            // Each writer's train and validation rows routed by a model trained without that writer (the
            // frozen test is not read); the hyper-parameters are the weights' (`--model`), not searched again.
            let bytes =
                std::fs::read(&model).with_context(|| format!("reading {}", model.display()))?;
            let classifier = Classifier::from_bytes(&bytes)?;
            let corpus = routing_eval::load_corpus(&paths.corpus)?;
            let split = routing_eval::load_split(&paths.split)?;
            routing_eval::check_split(&corpus, &split)?;
            let options = writers::options(
                &classifier.header,
                seed,
                iterations_opt.unwrap_or(TrainOptions::with_seed(seed).max_iterations),
            );
            let results = writers::measure(&corpus, &split, &options, &mut |line| {
                eprintln!("{line}");
            })?;
            print!("{}", writers::markdown(&results));
        }
        "speed" => speed(),
        _ => bail!(
            "usage: routing-model train [--seed N] | eval [--json] | misses | writers [--seed N] | speed"
        ),
    }
    Ok(())
}

/// Times the built-in model: loading it, and analysing and scoring a 2,000-token prompt (tokenisation
/// included), as the router does.
fn speed() {
    use shim_actors::model_router::{analyzer::analyze, classifier::builtin};
    let started = std::time::Instant::now();
    let classifier = builtin();
    let load = started.elapsed();
    let mut prompt = String::from(
        "Our checkout service drops about one order in a thousand since we moved the queue consumers to the \
         new cluster, and nobody can reproduce it locally. Here is the consumer and a log excerpt; find out \
         why and propose a fix that keeps exactly-once processing.\n```python\n",
    );
    let mut index = 0;
    while shim_actors::model_router::analyzer::tokenizer()
        .encode_ordinary(&prompt)
        .len()
        < 2_000
    {
        prompt.push_str(&format!(
            "def handle_{index}(message, store):\n    order = store.get(message.key)\n    if order.version < message.version:\n        store.put(message.key, message.apply(order))\n    return message.ack()\n"
        ));
        index += 1;
    }
    prompt.push_str("```\nWhat am I missing?");
    let mut times = Vec::new();
    for _ in 0..500 {
        let started = std::time::Instant::now();
        let features = analyze(&prompt);
        let scored = classifier.score(&prompt, &features);
        std::hint::black_box(classifier.decide(scored.logits));
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "model load {:?}; {} tokens: analyse + score p50 {:?}, p99 {:?}",
        load,
        analyze(&prompt).tokens,
        times[times.len() / 2],
        times[times.len() * 99 / 100]
    );
}
