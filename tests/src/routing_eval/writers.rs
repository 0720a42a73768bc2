//! Writers held out (`routing-model writers`): the frozen test shares its writers with the train rows, so for
//! each writer a model is trained without any of that writer's rows (the built-in model's hyper-parameters, no
//! new search), calibrated and given its decision rule on the other writers' validation rows, and measured on
//! that writer's train and validation rows. The frozen test is never read.

use std::fmt::Write;

use shim_actors::model_router::{
    classifier::{
        format::Header,
        metrics::{self, Confusion},
        train::{Candidate, TrainOptions},
    },
    router::Tier,
};

use super::{Corpus, Split, System, route, rows_of, train_on};

/// The writer of a corpus id: `w3` for `w3-0042`.
pub fn writer_of(id: &str) -> &str {
    id.split_once('-').map_or(id, |(writer, _)| writer)
}

/// The writers of the train and validation rows, in natural order (`w2` before `w10`).
pub fn writers(split: &Split) -> Vec<String> {
    let mut writers: Vec<String> = split
        .train
        .iter()
        .chain(&split.validation)
        .map(|id| writer_of(id).to_owned())
        .collect();
    writers.sort_by(|left, right| (left.len(), left).cmp(&(right.len(), right)));
    writers.dedup();
    writers
}

/// The rows of one writer's run.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldOut {
    /// The writer.
    pub writer: String,
    /// What the model is trained and calibrated on: the other writers' train and validation rows (no test).
    pub split: Split,
    /// What it is measured on: the writer's train and validation rows, in split order.
    pub evaluated: Vec<String>,
}

/// The rows of `writer`'s run; the split's test ids are in none of them.
pub fn held_out(split: &Split, writer: &str) -> HeldOut {
    let others = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter(|id| writer_of(id) != writer)
            .cloned()
            .collect()
    };
    HeldOut {
        writer: writer.to_owned(),
        split: Split {
            seed: split.seed,
            train: others(&split.train),
            validation: others(&split.validation),
            test: Vec::new(),
        },
        evaluated: split
            .train
            .iter()
            .chain(&split.validation)
            .filter(|id| writer_of(id) == writer)
            .cloned()
            .collect(),
    }
}

/// How the model trained without a writer routed that writer's prompts.
#[derive(Debug, Clone, PartialEq)]
pub struct WriterResult {
    /// The writer, or `all writers (pooled)`.
    pub writer: String,
    /// Counts by label (rows) and routed tier (columns).
    pub confusion: Confusion,
}

impl WriterResult {
    /// Prompts measured.
    pub fn prompts(&self) -> usize {
        self.confusion.iter().flatten().sum()
    }
}

/// The options of each run: the hyper-parameters of `header` (one candidate and its trees' setting, so no
/// search), `seed` dealing the folds, at most `max_iterations` L-BFGS iterations.
pub fn options(header: &Header, seed: u64, max_iterations: usize) -> TrainOptions {
    let mut options = TrainOptions::with_seed(seed);
    options.candidates = vec![Candidate {
        features: header.features,
        l2: header.l2,
    }];
    options.tree_grid = header.trees.iter().map(|trees| trees.params).collect();
    options.max_iterations = max_iterations;
    options
}

/// One result per writer of `split` (as [`held_out`] selects the rows; trained with `options` by
/// [`train_on`], routed by [`route`] as `eval` does), then the pooled result.
pub fn measure(
    corpus: &Corpus,
    split: &Split,
    options: &TrainOptions,
    progress: &mut dyn FnMut(String),
) -> anyhow::Result<Vec<WriterResult>> {
    let mut results = Vec::new();
    let mut pooled: Confusion = [[0; 3]; 3];
    for writer in writers(split) {
        let run = held_out(split, &writer);
        let (classifier, _) = train_on(corpus, &run.split, options, progress)?;
        let rows = rows_of(corpus, &run.evaluated)?;
        let labels: Vec<Tier> = rows.iter().map(|row| row.label).collect();
        let routed: Vec<Tier> = rows
            .iter()
            .map(|row| route(System::Model, &classifier, &row.prompt).tier)
            .collect();
        let confusion = metrics::confusion(&labels, &routed);
        for (total, counts) in pooled.iter_mut().zip(&confusion) {
            for (sum, count) in total.iter_mut().zip(counts) {
                *sum += count;
            }
        }
        progress(format!(
            "{writer}: trained on {} + {} rows, measured on {}",
            run.split.train.len(),
            run.split.validation.len(),
            rows.len()
        ));
        results.push(WriterResult { writer, confusion });
    }
    results.push(WriterResult {
        writer: "all writers (pooled)".to_owned(),
        confusion: pooled,
    });
    Ok(results)
}

/// The results as a markdown table.
pub fn markdown(results: &[WriterResult]) -> String {
    let mut out = String::from(
        "| writer | prompts | exact | under-routed | over-routed |\n|---|---:|---:|---:|---:|\n",
    );
    for result in results {
        let (exact, under, over) = metrics::shares(&result.confusion);
        let _ = writeln!(
            out,
            "| {} | {} | {:.1}% | {:.1}% | {:.1}% |",
            result.writer,
            result.prompts(),
            exact * 100.0,
            under * 100.0,
            over * 100.0
        );
    }
    out
}
