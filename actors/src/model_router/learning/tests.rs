use super::*;

/// A prompt the model is fairly sure is sonnet work.
const SURE_SONNET: [f64; 3] = [-1.5, 1.5, -1.0];
const DAY_MS: u64 = 86_400_000;

fn example(chosen: Tier, at_ms: u64) -> OverrideExample {
    OverrideExample {
        logits: SURE_SONNET,
        recommended: Tier::Sonnet,
        chosen,
        at_ms,
        reason: Some("needs care".to_owned()),
    }
}

fn temporary() -> OverrideStore {
    let db = sled::Config::new().temporary(true).open().expect("db");
    OverrideStore::open(&db).expect("tree")
}

#[test]
fn a_bias_is_fitted_from_the_fifth_override_and_survives_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let rules = LearningRules::default();
    {
        let store = OverrideStore::open(&sled::open(dir.path()).expect("db")).expect("tree");
        store.count_prompts("test", 7).expect("counts");
        for index in 1..=4 {
            let (learning, changes) = store
                .record("test", example(Tier::Opus, 1_000), &rules, 1_000)
                .expect("records");
            assert!(changes.is_empty(), "override {index} of 5: {changes:?}");
            assert_eq!(learning.preference, None);
        }
        let (learning, changes) = store
            .record("test", example(Tier::Opus, 1_000), &rules, 1_000)
            .expect("records");
        let [LearningChange::Adopted(preference)] = changes.as_slice() else {
            panic!("expected an adoption, got {changes:?}");
        };
        assert_eq!(preference.toward, Tier::Opus);
        assert_eq!(preference.overrides, 5);
        assert!(preference.shift[2] > preference.shift[1], "{preference:?}");
        assert_eq!(
            preference.evidence,
            "5 overrides (5 to opus) in 7 prompts; logits haiku -0.37, sonnet -1.80, opus +2.17"
        );
        // As docs/routing.md shows it (its example once kept the numbers of an earlier default).
        let doc = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/routing.md"),
        )
        .expect("docs/routing.md");
        assert!(
            doc.contains(&format!("`{}`", preference.evidence)),
            "docs/routing.md shows the evidence as the router says it"
        );
        assert_eq!(learning.examples.len(), 5);
        // The record holds numbers and tiers, never a prompt.
        assert!(
            learning
                .examples
                .iter()
                .all(|kept| kept.logits == SURE_SONNET)
        );
    }
    // sled's flusher thread lets go of the file lock shortly after the last handle is dropped: wait (bounded).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let db = loop {
        match sled::open(dir.path()) {
            Ok(db) => break db,
            Err(error) => {
                assert!(std::time::Instant::now() < deadline, "reopens: {error}");
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
    };
    let store = OverrideStore::open(&db).expect("tree");
    let kept = store.preferences().expect("lists");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].0, "test");
    assert_eq!(kept[0].1.toward, Tier::Opus);
    // Other categories learned nothing.
    assert_eq!(store.get("debug").expect("reads").preference, None);
}

#[test]
fn overrides_the_other_way_move_then_drop_the_bias_and_reset_forgets() {
    let store = temporary();
    let rules = LearningRules::default();
    for _ in 0..5 {
        store
            .record("design", example(Tier::Opus, 1), &rules, 1)
            .expect("records");
    }
    let first = store
        .get("design")
        .expect("reads")
        .preference
        .expect("a bias");
    // Sonnet overrides on sonnet-looking prompts pull the opus push back...
    let (learning, changes) = store
        .record("design", example(Tier::Sonnet, 2), &rules, 2)
        .expect("records");
    let [LearningChange::Updated(updated)] = changes.as_slice() else {
        panic!("expected an update, got {changes:?}");
    };
    assert!(updated.shift[2] - updated.shift[1] < first.shift[2] - first.shift[1]);
    assert_eq!(learning.override_count, 6);
    // ... and haiku overrides turn it around, which reverts the old push and adopts the new one.
    let mut all = Vec::new();
    for _ in 0..12 {
        all.extend(
            store
                .record("design", example(Tier::Haiku, 3), &rules, 3)
                .expect("records")
                .1,
        );
    }
    assert!(
        all.iter().any(|change| matches!(
            change,
            LearningChange::Reverted {
                tier: Tier::Opus,
                ..
            }
        )),
        "{all:?}"
    );
    assert!(
        all.iter().any(|change| matches!(change, LearningChange::Adopted(preference) if preference.toward == Tier::Haiku)),
        "{all:?}"
    );
    let dropped = store.reset("design").expect("resets").expect("had a bias");
    assert_eq!(dropped.toward, Tier::Haiku);
    let learning = store.get("design").expect("reads");
    assert_eq!((learning.preference, learning.examples.len()), (None, 0));
    assert_eq!(store.reset("design").expect("resets"), None, "nothing left");
}

#[test]
fn old_overrides_weigh_less_and_examples_are_bounded() {
    let rules = LearningRules::default();
    assert_eq!(rules.weight(0, 0), 1.0);
    assert!((rules.weight(0, 30 * DAY_MS) - 0.5).abs() < 1e-12);
    assert_eq!(
        LearningRules {
            half_life_days: 0.0,
            ..LearningRules::default()
        }
        .weight(0, 365 * DAY_MS),
        1.0
    );
    let fresh = temporary();
    let stale = temporary();
    for _ in 0..5 {
        fresh
            .record(
                "debug",
                example(Tier::Opus, 90 * DAY_MS),
                &rules,
                90 * DAY_MS,
            )
            .expect("records");
        stale
            .record("debug", example(Tier::Opus, 0), &rules, 90 * DAY_MS)
            .expect("records");
    }
    let push = |store: &OverrideStore| {
        let shift = store
            .get("debug")
            .expect("reads")
            .preference
            .expect("bias")
            .shift;
        shift[2] - shift[1]
    };
    assert!(push(&stale) < push(&fresh));

    for _ in 0..MAX_EXAMPLES + 10 {
        fresh
            .record("debug", example(Tier::Opus, 1), &rules, 1)
            .expect("records");
    }
    let learning = fresh.get("debug").expect("reads");
    assert_eq!(learning.examples.len(), MAX_EXAMPLES);
    assert_eq!(learning.override_count, MAX_EXAMPLES as u64 + 15);
}

#[test]
fn records_of_the_lexicon_router_are_dropped_and_their_adoptions_reported() {
    #[derive(Serialize)]
    struct LegacyAdoption {
        tier: Tier,
        at_ms: u64,
        evidence: String,
    }
    #[derive(Serialize)]
    struct LegacyStats {
        prompts: u64,
        override_count: u64,
        recent: Vec<()>,
        adopted: Option<LegacyAdoption>,
    }
    let db = sled::Config::new().temporary(true).open().expect("db");
    let tree = db.open_tree("routing").expect("tree");
    let legacy = |adopted: Option<Tier>| {
        rmp_serde::to_vec_named(&LegacyStats {
            prompts: 10,
            override_count: 5,
            recent: Vec::new(),
            adopted: adopted.map(|tier| LegacyAdoption {
                tier,
                at_ms: 1,
                evidence: "5 overrides".to_owned(),
            }),
        })
        .expect("encodes")
    };
    tree.insert("cat/test/medium", legacy(Some(Tier::Opus)))
        .expect("inserts");
    tree.insert("cat/explain/simple", legacy(None))
        .expect("inserts");
    tree.insert("cat/broken", b"\xff\x00".to_vec())
        .expect("inserts");
    let store = OverrideStore::open(&db).expect("opens");
    assert_eq!(
        store.drop_legacy().expect("drops"),
        [("test/medium".to_owned(), Tier::Opus)]
    );
    assert_eq!(tree.scan_prefix("cat/").count(), 0);
    assert!(store.preferences().expect("lists").is_empty());
    assert!(store.drop_legacy().expect("drops again").is_empty());
}

#[test]
fn older_configs_still_load() {
    let rules: LearningRules =
        serde_json::from_str(r#"{"min_overrides": 3, "min_share": 0.4, "min_agreement": 0.6}"#)
            .expect("parses");
    assert_eq!(rules.min_overrides, 3);
    assert_eq!(rules.lambda, LearningRules::default().lambda);
    assert!(
        serde_json::from_str::<LearningRules>(r#"{"lambda": 2.0, "half_life_days": 7}"#).is_ok()
    );
    assert!(
        serde_json::from_str::<LearningRules>(r#"{"min_overides": 3}"#).is_err(),
        "typos are refused"
    );
}

#[test]
fn an_unreadable_record_costs_only_its_category_and_forgetting_clears_it() {
    let store = temporary();
    let rules = LearningRules::default();
    store.count_prompts("test", 7).expect("counts");
    for _ in 0..5 {
        store
            .record("test", example(Tier::Opus, 1_000), &rules, 1_000)
            .expect("records");
    }
    store
        .tree
        .insert([PREFIX, b"design"].concat(), &b"not a record"[..])
        .expect("garbage written");
    let preferences = store.preferences().expect("the router can start");
    let categories: Vec<&str> = preferences.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(categories, ["test"], "the unreadable one is left out");
    assert_eq!(store.reset("design").expect("forgotten"), None);
    assert_eq!(
        store.get("design").expect("readable again"),
        CategoryLearning::default()
    );
    // Forgetting starts a category afresh: its counts too.
    assert!(store.reset("test").expect("forgotten").is_some());
    assert_eq!(
        store.get("test").expect("reads"),
        CategoryLearning::default()
    );
    assert!(store.preferences().expect("reads").is_empty());
}
