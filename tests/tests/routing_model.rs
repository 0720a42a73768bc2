//! The learned router against its corpus: the documented results are what the built-in model does on the
//! frozen test, the weights say which corpus rows they were trained on, the split is sound, training is
//! reproducible, and no prompt makes scoring panic.

use std::collections::HashMap;

use shim_actors::model_router::{
    analyzer::analyze,
    classifier::{
        builtin,
        features::FeatureConfig,
        train::{BASE, Candidate, TrainOptions, train},
    },
    router::Tier,
};
use shim_tests::{
    repo_root,
    routing_eval::{
        self, Paths, System, check_split, corpus_hash, labelled, load_corpus, load_split, rows_of,
        writers,
    },
};

fn paths() -> Paths {
    Paths::under(&repo_root())
}

/// The lines of the report a reader compares with docs/routing.md: each system's row on the frozen test and
/// the development set, the calibration line, the confusion matrices and the per-category rows.
fn documented_lines(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter(|line| line.starts_with("| ") || line.starts_with("Learned model, expected"))
        .filter(|line| !line.starts_with("| system") && !line.starts_with("| label"))
        .filter(|line| !line.contains("|---"))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_built_in_model_meets_its_documented_numbers() {
    let report = routing_eval::evaluate(builtin(), &paths()).expect("the evaluation runs");
    let docs = std::fs::read_to_string(repo_root().join("docs/routing.md")).expect("docs");
    let markdown = report.markdown();
    let missing: Vec<String> = documented_lines(&markdown)
        .into_iter()
        .filter(|line| {
            !docs
                .lines()
                .any(|documented| documented.trim() == line.trim())
        })
        .collect();
    assert!(
        missing.is_empty(),
        "docs/routing.md does not state these results of `routing-model eval` (rerun it and update the \
         Results section):\n{}",
        missing.join("\n")
    );
    // The model is measured, and beats today's rule on exact routing, on the frozen test.
    let model = &report.test[0];
    let lexicon = &report.test[1];
    assert_eq!(model.system, System::Model.name());
    assert!(model.prompts >= 300);
    assert!(model.exact > lexicon.exact, "{model:?} vs {lexicon:?}");
    assert!(model.ece_opt.is_some());
}

#[test]
fn the_weights_name_the_corpus_rows_they_were_trained_on() {
    let paths = paths();
    let corpus = load_corpus(&paths.corpus).expect("corpus");
    let split = load_split(&paths.split).expect("split");
    let hash = corpus_hash(&corpus, &split);
    assert_eq!(
        builtin().header.corpus_sha256,
        hash,
        "the corpus's train and validation rows changed since the model was trained: retrain with \
         `cargo run --release -p shim-tests --bin routing-model -- train`"
    );
    assert_eq!(builtin().header.train_rows, split.train.len());
    assert_eq!(builtin().header.validation_rows, split.validation.len());
    // An edit of one training row, or a row moved out of the test into training, changes the hash.
    let mut edited = corpus.clone();
    let at = edited
        .rows
        .iter()
        .position(|row| row.id == split.train[0])
        .expect("a training row");
    edited.lines[at] = edited.lines[at].replacen("\"label\"", "\"label\" ", 1);
    assert_ne!(corpus_hash(&edited, &split), hash);
    let mut moved = split.clone();
    let row = moved.test.pop().expect("a test row");
    moved.train.push(row);
    assert_ne!(corpus_hash(&corpus, &moved), hash);
}

#[test]
fn the_split_is_sound_and_stratified() {
    let paths = paths();
    let corpus = load_corpus(&paths.corpus).expect("corpus");
    let split = load_split(&paths.split).expect("split");
    check_split(&corpus, &split).expect("every corpus id is in exactly one set");
    assert!(split.test.len() >= 300, "{} test rows", split.test.len());
    assert!(!split.validation.is_empty());
    let share = |ids: &[String]| -> [f64; 3] {
        let rows = rows_of(&corpus, ids).expect("rows");
        let mut counts = [0.0; 3];
        for row in &rows {
            counts[row.label as usize] += 1.0;
        }
        counts.map(|count| count / rows.len() as f64)
    };
    let all: Vec<String> = corpus.rows.iter().map(|row| row.id.clone()).collect();
    let overall = share(&all);
    for set in [&split.train, &split.validation, &split.test] {
        let shares = share(set);
        for tier in Tier::ALL {
            let gap = (shares[tier as usize] - overall[tier as usize]).abs();
            assert!(
                gap < 0.03,
                "{tier} is {:.3} of a set, {:.3} of the corpus",
                shares[tier as usize],
                overall[tier as usize]
            );
        }
    }
    // Broken splits are refused.
    let mut twice = split.clone();
    twice.validation.push(split.test[0].clone());
    assert!(check_split(&corpus, &twice).is_err());
    let mut lost = split.clone();
    lost.test.pop();
    assert!(check_split(&corpus, &lost).is_err());
}

#[test]
fn training_twice_with_the_same_seed_on_a_corpus_subset_gives_the_same_bytes() {
    let paths = paths();
    let corpus = load_corpus(&paths.corpus).expect("corpus");
    let split = load_split(&paths.split).expect("split");
    // A small stratified-enough subset: the first 60 training and 30 validation rows.
    let train_rows = labelled(&rows_of(&corpus, &split.train[..60]).expect("rows"));
    let validation_rows = labelled(&rows_of(&corpus, &split.validation[..30]).expect("rows"));
    let mut options = TrainOptions::with_seed(5);
    options.folds = 3;
    options.max_iterations = 40;
    options.candidates = [1e-3, 1e-2]
        .into_iter()
        .map(|l2| Candidate {
            features: FeatureConfig {
                buckets_log2: 12,
                ..BASE
            },
            l2,
        })
        .collect();
    let first = train(
        &train_rows,
        &validation_rows,
        &options,
        "subset",
        &mut |_| {},
    )
    .0;
    let second = train(
        &train_rows,
        &validation_rows,
        &options,
        "subset",
        &mut |_| {},
    )
    .0;
    assert_eq!(first.to_bytes(), second.to_bytes());
    options.seed = 6;
    let other = train(
        &train_rows,
        &validation_rows,
        &options,
        "subset",
        &mut |_| {},
    )
    .0;
    assert_eq!(other.header.seed, 6);
}

#[test]
fn huge_binary_and_empty_prompts_are_routed_by_every_system() {
    let mut log = String::from("how many lines say ERROR?\n");
    while log.len() < 1 << 20 {
        log.push_str("2026-12-02T08:00:00.000Z ERROR pool exhausted id=77 took=1200ms\n");
    }
    let binaryish: String = (0u32..300_000)
        .map(|index| char::from_u32((index * 7919) % 0xd000).unwrap_or(' '))
        .collect();
    let fences = "```\n".repeat(10_000);
    let mut seen: HashMap<&str, Tier> = HashMap::new();
    for (name, prompt) in [
        ("log", log.as_str()),
        ("binary", binaryish.as_str()),
        ("fences", fences.as_str()),
        ("empty", ""),
        ("blank", " \n\t "),
    ] {
        for system in System::ALL {
            let routed = routing_eval::route(system, builtin(), prompt);
            if system == System::Model {
                let probabilities = routed.probabilities_opt.expect("probabilities");
                assert!((probabilities.iter().sum::<f64>() - 1.0).abs() < 1e-9);
                seen.insert(name, routed.tier);
            }
        }
        let features = analyze(prompt);
        let scored = builtin().score(prompt, &features);
        assert!(
            scored.logits.iter().all(|logit| logit.is_finite()),
            "{name}"
        );
    }
    assert_eq!(seen.len(), 5);
}

#[test]
fn holding_out_a_writer_never_reads_the_test_or_trains_on_that_writer() {
    let paths = paths();
    let corpus = load_corpus(&paths.corpus).expect("corpus");
    let split = load_split(&paths.split).expect("split");
    let test: std::collections::HashSet<&str> = split.test.iter().map(String::as_str).collect();
    let names = writers::writers(&split);
    assert_eq!(names.len(), 26, "{names:?}");
    let mut evaluated = 0;
    for name in &names {
        let run = writers::held_out(&split, name);
        assert!(run.split.test.is_empty());
        for id in run.split.train.iter().chain(&run.split.validation) {
            assert!(
                !test.contains(id.as_str()),
                "{name}: trains on test row {id}"
            );
            assert_ne!(
                writers::writer_of(id),
                name,
                "{name}: trains on its own row {id}"
            );
        }
        for id in &run.evaluated {
            assert!(
                !test.contains(id.as_str()),
                "{name}: measured on test row {id}"
            );
            assert_eq!(writers::writer_of(id), name);
        }
        // Nothing of the other writers' train and validation rows is left out.
        assert_eq!(
            run.split.train.len() + run.split.validation.len() + run.evaluated.len(),
            split.train.len() + split.validation.len()
        );
        evaluated += run.evaluated.len();
    }
    assert_eq!(evaluated, split.train.len() + split.validation.len());

    // A tiny run end to end: three writers' first rows, small features, few iterations; deterministic, the
    // pooled row sums the writers', and the test is not read (an id the corpus lacks would fail the run).
    let keep = |ids: &[String], each: usize| -> Vec<String> {
        ["w1", "w2", "w3"]
            .into_iter()
            .flat_map(|name| {
                ids.iter()
                    .filter(move |id| writers::writer_of(id) == name)
                    .take(each)
            })
            .cloned()
            .collect()
    };
    let small = routing_eval::Split {
        seed: split.seed,
        train: keep(&split.train, 20),
        validation: keep(&split.validation, 10),
        test: vec!["w1-not-in-the-corpus".to_owned()],
    };
    let mut header = builtin().header.clone();
    header.features.buckets_log2 = 12;
    let mut options = writers::options(&header, 5, 30);
    options.folds = 2;
    let first = writers::measure(&corpus, &small, &options, &mut |_| {}).expect("runs");
    let second = writers::measure(&corpus, &small, &options, &mut |_| {}).expect("runs");
    assert_eq!(first, second);
    assert_eq!(first.len(), 4);
    assert_eq!(
        first[3].prompts(),
        first[..3].iter().map(|one| one.prompts()).sum::<usize>()
    );
    assert_eq!(
        first[3].prompts(),
        small.train.len() + small.validation.len()
    );
    let table = writers::markdown(&first);
    assert!(table.contains("| all writers (pooled) |"), "{table}");
}
