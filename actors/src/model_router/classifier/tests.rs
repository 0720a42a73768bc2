use super::*;
use crate::model_router::{
    analyzer::analyze,
    router::{LabelledPrompt, Tier},
};

#[test]
fn builtin_model_loads() {
    let classifier = Classifier::from_bytes(MODEL_BYTES).expect("the built-in model parses");
    assert_eq!(
        classifier.weights.len(),
        classifier.header.features.rows() * 3
    );
    assert!(
        MODEL_BYTES.len() < 2 * 1024 * 1024,
        "the model stays under 2 MB"
    );
    let trees = classifier
        .trees
        .as_ref()
        .expect("the built-in model has trees");
    assert_eq!(
        trees.nodes.len(),
        trees.params.rounds * 3 * trees::Trees::nodes_per_tree(trees.params.depth)
    );
    assert_eq!(
        Classifier::from_bytes(&classifier.to_bytes()),
        Ok(classifier)
    );
    assert!(matches!(
        Classifier::from_bytes(&MODEL_BYTES[..MODEL_BYTES.len() - 1]),
        Err(ModelError::Malformed { .. })
    ));
    assert!(Classifier::from_bytes(b"SHIMRTM1\xff\xff\xff\xff").is_err());
    assert!(Classifier::from_bytes(b"").is_err());
}

fn score(text: &str) -> (Scored, Decided) {
    let classifier = builtin();
    let scored = classifier.score(text, &analyze(text));
    let decided = classifier.decide(scored.logits);
    (scored, decided)
}

#[test]
fn huge_garbage_and_empty_prompts_score_without_panic() {
    let mut huge = String::from("please count the lines of this log\n");
    while huge.len() < 1 << 20 {
        huge.push_str("2026-12-02T08:00:00Z INFO request served in 12 ms id=4f2a\n");
    }
    let one_line = "x".repeat(1 << 20);
    let binaryish: String = (0..200_000u32)
        .map(|index| char::from_u32(index % 0x2_0000).unwrap_or('\u{fffd}'))
        .collect();
    for text in [
        huge.as_str(),
        one_line.as_str(),
        binaryish.as_str(),
        "",
        "```\ncode only\n```",
    ] {
        let (scored, decided) = score(text);
        assert!(scored.logits.iter().all(|logit| logit.is_finite()));
        assert!((decided.probabilities.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!(scored.drivers.len() <= DRIVERS);
    }
}

#[test]
fn drivers_name_words_of_the_prompt_and_structural_features() {
    let text = "Design the recovery protocol for our replicated log after a leader change";
    let (scored, decided) = score(text);
    assert!(!scored.drivers.is_empty());
    for driver in &scored.drivers {
        assert!(driver.weight > 0.0);
        if let Some(quoted) = driver.feature.strip_prefix('\'') {
            let words = quoted.trim_end_matches('\'');
            assert!(
                text.to_lowercase().contains(words),
                "a driver names words of the prompt: {driver:?}"
            );
        }
    }
    assert!(decided.confidence > 0.0 && decided.confidence <= 1.0);
}

#[test]
fn the_decision_uses_the_header_rule_and_temperature() {
    let mut classifier = builtin().clone();
    classifier.header.temperature = 2.0;
    classifier.header.thresholds = [0.3, 0.4];
    let decided = classifier.decide([2.0, 1.0, 0.0]);
    let expected = decision::softmax([1.0, 0.5, 0.0], 1.0);
    assert!((decided.probabilities[0] - expected[0]).abs() < 1e-12);
    // P(sonnet or opus) ~ 0.51 > 0.3: not haiku; P(opus) ~ 0.19 <= 0.4: sonnet.
    assert_eq!(decided.tier, Tier::Sonnet);
    assert_eq!(decided.confidence, decided.probabilities[1]);
}

#[test]
fn temperature_scaling_softens_an_overconfident_model() {
    // Logits that are right only 60% of the time with ~99% confidence: the best temperature is above 1.
    let mut logits = Vec::new();
    let mut labels = Vec::new();
    for index in 0..50 {
        logits.push([5.0, 0.0, 0.0]);
        labels.push(if index % 5 < 3 {
            Tier::Haiku
        } else {
            Tier::Sonnet
        });
    }
    let temperature = train::fit_temperature(&logits, &labels);
    assert!(temperature > 2.0, "{temperature}");
}

fn small_set() -> Vec<LabelledPrompt> {
    let prompts = [
        ("rename foo to bar", Tier::Haiku),
        ("what does git rebase do", Tier::Haiku),
        ("fix the typo in the readme", Tier::Haiku),
        ("regex for an ipv4 address", Tier::Haiku),
        (
            "add pagination to the orders endpoint and tests",
            Tier::Sonnet,
        ),
        ("write unit tests for the parser module", Tier::Sonnet),
        ("this test fails with a null pointer, fix it", Tier::Sonnet),
        ("refactor the config loader into two modules", Tier::Sonnet),
        ("design a lock-free queue for many producers", Tier::Opus),
        (
            "plan the migration of all services to the new auth",
            Tier::Opus,
        ),
        (
            "orders vanish once a week after a failover, find why",
            Tier::Opus,
        ),
        ("threat model our payment flow", Tier::Opus),
    ];
    prompts
        .iter()
        .map(|(prompt, label)| LabelledPrompt {
            prompt: (*prompt).to_owned(),
            label: *label,
        })
        .collect()
}

#[test]
fn training_twice_with_the_same_seed_gives_the_same_bytes() {
    let rows = small_set();
    let mut options = train::TrainOptions::with_seed(7);
    options.folds = 2;
    options.max_iterations = 30;
    options.candidates = vec![
        train::Candidate {
            features: features::FeatureConfig {
                buckets_log2: 12,
                ..train::BASE
            },
            l2: 1e-3,
        },
        train::Candidate {
            features: features::FeatureConfig {
                buckets_log2: 12,
                char_max: 0,
                ..train::BASE
            },
            l2: 1e-2,
        },
    ];
    // Trees small enough for twelve rows.
    options.tree_grid = vec![trees::TreeParams {
        rounds: 30,
        depth: 2,
        learning_rate: 0.3,
        min_leaf: 1,
        l2: 1.0,
        words: 10,
    }];
    let first = train::train(&rows, &rows, &options, "hash", &mut |_| {}).0;
    let second = train::train(&rows, &rows, &options, "hash", &mut |_| {}).0;
    assert_eq!(first.to_bytes(), second.to_bytes());
    assert_eq!(first.header.seed, 7);
    assert_eq!(first.header.corpus_sha256, "hash");
    assert!(first.trees.is_some());
    // It learned the training rows.
    let scored = first.score("rename foo to bar", &analyze("rename foo to bar"));
    assert!(scored.logits[0] > scored.logits[2], "{scored:?}");
    // A tree node that reads an input the trees do not have is refused, not followed.
    let mut bytes = first.to_bytes();
    let feature_at = bytes.len() - 6;
    bytes[feature_at..feature_at + 2].copy_from_slice(&999i16.to_le_bytes());
    assert!(matches!(
        Classifier::from_bytes(&bytes),
        Err(ModelError::Malformed { reason }) if reason.contains("input 999")
    ));
    // So is a node whose value is not a number.
    let mut bytes = first.to_bytes();
    let value_at = bytes.len() - 4;
    bytes[value_at..].copy_from_slice(&f32::NAN.to_le_bytes());
    assert!(matches!(
        Classifier::from_bytes(&bytes),
        Err(ModelError::Malformed { reason }) if reason.contains("not a finite number")
    ));
    // The trees read words, and their header names them; words out of order, or more than the setting
    // allows, are refused.
    let words = &first
        .trees
        .as_ref()
        .map(|trees| trees.words.clone())
        .unwrap_or_default();
    assert!(words.len() >= 2, "{words:?}");
    assert_eq!(
        first.header.trees.as_ref().map(|trees| &trees.words),
        Some(words)
    );
    // A node may read the last word, not one past it.
    let mut bytes = first.to_bytes();
    let feature_at = bytes.len() - 6;
    let past = (trees::INPUTS + words.len()) as i16;
    bytes[feature_at..feature_at + 2].copy_from_slice(&(past - 1).to_le_bytes());
    assert!(Classifier::from_bytes(&bytes).is_ok());
    bytes[feature_at..feature_at + 2].copy_from_slice(&past.to_le_bytes());
    assert!(matches!(
        Classifier::from_bytes(&bytes),
        Err(ModelError::Malformed { reason }) if reason.contains(&format!("input {past}"))
    ));
    for unsound in [
        words.iter().rev().copied().collect::<Vec<u32>>(),
        (0..11).collect(),
    ] {
        let mut broken = first.clone();
        if let Some(trees) = broken.header.trees.as_mut() {
            trees.words = unsound;
        }
        assert!(matches!(
            Classifier::from_bytes(&broken.to_bytes()),
            Err(ModelError::Malformed { reason }) if reason.contains("trees out of range")
        ));
    }
}
