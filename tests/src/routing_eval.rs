//! The routing corpus and the evaluation of routers on it: the learned model, today's lexicon rule,
//! always-sonnet and LiteLLM's complexity router, side by side (`routing-model eval`; docs/routing.md).
//!
//! - [`litellm`]: LiteLLM's complexity router, re-implemented as a baseline.
//! - [`report`]: the measures per system and the report in markdown and JSON.
//! - [`writers`]: each writer's prompts routed by a model trained without them.

pub mod litellm;
pub mod report;
pub mod writers;

use std::{collections::HashSet, path::Path};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use shim_actors::model_router::{
    analyzer::analyze,
    classifier::Classifier,
    router::{LOW_CONFIDENCE, LabelledPrompt, Tier, judge, take_override},
};

/// One labelled prompt of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusRow {
    /// `wN-0001`.
    pub id: String,
    /// The prompt.
    pub prompt: String,
    /// The tier it needs.
    pub label: Tier,
    /// Why, in a line.
    #[serde(default)]
    pub rationale: String,
    /// The kind of work asked.
    #[serde(default)]
    pub category: String,
    /// The field.
    #[serde(default)]
    pub domain: String,
    /// How it is written.
    #[serde(default)]
    pub voice: String,
    /// Its language.
    #[serde(default)]
    pub language: String,
    /// The trap it sets, if any.
    #[serde(default)]
    pub trap: Option<String>,
}

/// The split of the corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// The seed it was drawn with.
    pub seed: u64,
    /// Ids trained on.
    pub train: Vec<String>,
    /// Ids the temperature and decision rule are chosen on.
    pub validation: Vec<String>,
    /// The frozen test: used only for the report.
    pub test: Vec<String>,
}

/// The corpus with its raw lines (for the hash).
#[derive(Debug, Clone)]
pub struct Corpus {
    /// The rows, in file order.
    pub rows: Vec<CorpusRow>,
    /// Each row's line as written in the file.
    pub lines: Vec<String>,
}

/// The default corpus, split, weights and development set, relative to the repository root.
pub const CORPUS: &str = "tests/data/routing/corpus.jsonl";
/// See [`CORPUS`].
pub const SPLIT: &str = "tests/data/routing/split.json";
/// See [`CORPUS`].
pub const SECOND_LABELS: &str = "tests/data/routing/second_labels.jsonl";
/// See [`CORPUS`].
pub const MODEL: &str = "actors/src/model_router/classifier/model.bin";
/// See [`CORPUS`].
pub const DEV_SET: &str = "tests/data/routing_dev.jsonl";

/// Reads a JSONL corpus.
pub fn load_corpus(path: &Path) -> anyhow::Result<Corpus> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the corpus {}", path.display()))?;
    let mut corpus = Corpus {
        rows: Vec::new(),
        lines: Vec::new(),
    };
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: CorpusRow = serde_json::from_str(line)
            .with_context(|| format!("{} line {}", path.display(), number + 1))?;
        corpus.rows.push(row);
        corpus.lines.push(line.to_owned());
    }
    Ok(corpus)
}

/// Reads the split.
pub fn load_split(path: &Path) -> anyhow::Result<Split> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the split {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

/// Reads the development set (`{"prompt", "label"}` lines).
pub fn load_dev_set(path: &Path) -> anyhow::Result<Vec<LabelledPrompt>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the development set {}", path.display()))?;
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| serde_json::from_str(line).context("a development set line"))
        .collect()
}

/// SHA-256 (hex) of the corpus lines of the train and validation rows, in file order, each ending in `\n`:
/// what the weights were chosen on. Editing one of them, or moving a row in or out of those sets, changes it.
pub fn corpus_hash(corpus: &Corpus, split: &Split) -> String {
    let chosen: HashSet<&str> = split
        .train
        .iter()
        .chain(&split.validation)
        .map(String::as_str)
        .collect();
    let mut hasher = Sha256::new();
    for (row, line) in corpus.rows.iter().zip(&corpus.lines) {
        if chosen.contains(row.id.as_str()) {
            hasher.update(line.as_bytes());
            hasher.update(b"\n");
        }
    }
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// The rows of `ids`, in the order of `ids`; an id the corpus lacks is an error.
pub fn rows_of<'a>(corpus: &'a Corpus, ids: &[String]) -> anyhow::Result<Vec<&'a CorpusRow>> {
    let by_id: std::collections::HashMap<&str, &CorpusRow> = corpus
        .rows
        .iter()
        .map(|row| (row.id.as_str(), row))
        .collect();
    ids.iter()
        .map(|id| {
            by_id
                .get(id.as_str())
                .copied()
                .with_context(|| format!("split id {id} is not in the corpus"))
        })
        .collect()
}

/// Checks that every corpus id is in exactly one set and every set id in the corpus.
pub fn check_split(corpus: &Corpus, split: &Split) -> anyhow::Result<()> {
    let mut seen: HashSet<&str> = HashSet::new();
    for id in split
        .train
        .iter()
        .chain(&split.validation)
        .chain(&split.test)
    {
        if !seen.insert(id.as_str()) {
            bail!("id {id} is in more than one set, or twice");
        }
    }
    let ids: HashSet<&str> = corpus.rows.iter().map(|row| row.id.as_str()).collect();
    if ids.len() != corpus.rows.len() {
        bail!("the corpus repeats an id");
    }
    if let Some(missing) = ids.iter().find(|id| !seen.contains(*id)) {
        bail!("corpus id {missing} is in no set");
    }
    if let Some(extra) = seen.iter().find(|id| !ids.contains(*id)) {
        bail!("split id {extra} is not in the corpus");
    }
    Ok(())
}

/// Labelled prompts of some rows.
pub fn labelled(rows: &[&CorpusRow]) -> Vec<LabelledPrompt> {
    rows.iter()
        .map(|row| LabelledPrompt {
            prompt: row.prompt.clone(),
            label: row.label,
        })
        .collect()
}

/// A router compared in the evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum System {
    /// The learned model with its decision rule.
    Model,
    /// Today's lexicon rule (`router::judge`, low confidence falling back to sonnet).
    Lexicon,
    /// Sonnet for everything.
    AlwaysSonnet,
    /// LiteLLM's complexity router.
    LiteLlm,
}

impl System {
    /// Every system, in report order.
    pub const ALL: [System; 4] = [
        System::Model,
        System::Lexicon,
        System::AlwaysSonnet,
        System::LiteLlm,
    ];

    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            System::Model => "learned model",
            System::Lexicon => "lexicon rule (before)",
            System::AlwaysSonnet => "always sonnet",
            System::LiteLlm => "LiteLLM complexity router",
        }
    }
}

/// What a system decided for one prompt.
#[derive(Debug, Clone, PartialEq)]
pub struct Routed {
    /// The tier.
    pub tier: Tier,
    /// Calibrated probabilities (the learned model only).
    pub probabilities_opt: Option<[f64; 3]>,
}

/// Routes one prompt with a system.
pub fn route(system: System, classifier: &Classifier, prompt: &str) -> Routed {
    let (_, text) = take_override(prompt);
    match system {
        System::Model => {
            let features = analyze(&text);
            let scored = classifier.score(&text, &features);
            let decided = classifier.decide(scored.logits);
            Routed {
                tier: decided.tier,
                probabilities_opt: Some(decided.probabilities),
            }
        }
        System::Lexicon => {
            let judgement = judge(&analyze(&text));
            let mut tier = judgement.complexity.tier();
            // Today's router::decide with default options: low confidence falls back to the middle tier.
            if judgement.confidence < LOW_CONFIDENCE {
                tier = Tier::Sonnet;
            }
            Routed {
                tier,
                probabilities_opt: None,
            }
        }
        System::AlwaysSonnet => Routed {
            tier: Tier::Sonnet,
            probabilities_opt: None,
        },
        System::LiteLlm => Routed {
            tier: litellm::route(prompt),
            probabilities_opt: None,
        },
    }
}

/// Where the corpus, split, second labels and development set are.
#[derive(Debug, Clone)]
pub struct Paths {
    /// The corpus (JSONL).
    pub corpus: std::path::PathBuf,
    /// The split (JSON).
    pub split: std::path::PathBuf,
    /// The second, independent labels (JSONL), when present.
    pub second_labels: std::path::PathBuf,
    /// The old development set.
    pub dev_set: std::path::PathBuf,
}

impl Paths {
    /// The committed files under the repository root `root`.
    pub fn under(root: &Path) -> Paths {
        Paths {
            corpus: root.join(CORPUS),
            split: root.join(SPLIT),
            second_labels: root.join(SECOND_LABELS),
            dev_set: root.join(DEV_SET),
        }
    }
}

/// A second label of a row.
#[derive(Debug, Clone, Deserialize)]
struct SecondLabel {
    id: String,
    label: Tier,
}

fn item(row: &CorpusRow) -> report::Item {
    report::Item {
        prompt: row.prompt.clone(),
        label: row.label,
        groups: [
            row.category.clone(),
            row.domain.clone(),
            row.trap.clone().unwrap_or_else(|| "none".to_owned()),
        ],
    }
}

/// Evaluates `classifier` and the baselines on the frozen test and the development set.
pub fn evaluate(classifier: &Classifier, paths: &Paths) -> anyhow::Result<report::Report> {
    let corpus = load_corpus(&paths.corpus)?;
    let split = load_split(&paths.split)?;
    check_split(&corpus, &split)?;
    let test: Vec<report::Item> = rows_of(&corpus, &split.test)?
        .into_iter()
        .map(item)
        .collect();
    let (test_measures, test_groups) = report::evaluate(classifier, &test);
    let dev: Vec<report::Item> = load_dev_set(&paths.dev_set)?
        .into_iter()
        .map(|row| report::Item {
            prompt: row.prompt,
            label: row.label,
            groups: ["dev".to_owned(), "dev".to_owned(), "none".to_owned()],
        })
        .collect();
    let (dev_measures, _) = report::evaluate(classifier, &dev);
    let agreement_opt = if paths.second_labels.exists() {
        let text = std::fs::read_to_string(&paths.second_labels)
            .with_context(|| format!("reading {}", paths.second_labels.display()))?;
        let by_id: std::collections::HashMap<&str, Tier> = corpus
            .rows
            .iter()
            .map(|row| (row.id.as_str(), row.label))
            .collect();
        let (mut first, mut second) = (Vec::new(), Vec::new());
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            let label: SecondLabel = serde_json::from_str(line).context("a second label line")?;
            let original = by_id.get(label.id.as_str()).with_context(|| {
                format!("second label for {} which is not in the corpus", label.id)
            })?;
            first.push(*original);
            second.push(label.label);
        }
        let (agreement, ..) = shim_actors::model_router::classifier::metrics::shares(
            &shim_actors::model_router::classifier::metrics::confusion(&first, &second),
        );
        Some(report::Agreement {
            rows: first.len(),
            agreement,
            kappa: shim_actors::model_router::classifier::metrics::kappa(&first, &second),
        })
    } else {
        None
    };
    let mut corpus_labels = [0; 3];
    for row in &corpus.rows {
        corpus_labels[row.label as usize] += 1;
    }
    Ok(report::Report {
        split: [split.train.len(), split.validation.len(), split.test.len()],
        corpus_labels,
        test: test_measures,
        test_groups,
        dev: dev_measures,
        agreement_opt,
        model: serde_json::to_value(&classifier.header)?,
    })
}

/// Trains on the corpus's train rows, calibrating and choosing the rule on its validation rows.
pub fn train(
    paths: &Paths,
    options: &shim_actors::model_router::classifier::train::TrainOptions,
    progress: &mut dyn FnMut(String),
) -> anyhow::Result<(
    Classifier,
    shim_actors::model_router::classifier::train::TrainReport,
)> {
    let corpus = load_corpus(&paths.corpus)?;
    let split = load_split(&paths.split)?;
    check_split(&corpus, &split)?;
    train_on(&corpus, &split, options, progress)
}

/// Trains on `split`'s train rows, calibrating and choosing the rule on its validation rows (its test rows are
/// not read): [`train`] with the whole split, `routing-model writers` with the rows of some writers.
pub fn train_on(
    corpus: &Corpus,
    split: &Split,
    options: &shim_actors::model_router::classifier::train::TrainOptions,
    progress: &mut dyn FnMut(String),
) -> anyhow::Result<(
    Classifier,
    shim_actors::model_router::classifier::train::TrainReport,
)> {
    let train_rows = labelled(&rows_of(corpus, &split.train)?);
    let validation_rows = labelled(&rows_of(corpus, &split.validation)?);
    let hash = corpus_hash(corpus, split);
    Ok(shim_actors::model_router::classifier::train::train(
        &train_rows,
        &validation_rows,
        options,
        &hash,
        progress,
    ))
}
