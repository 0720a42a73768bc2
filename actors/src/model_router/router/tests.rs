use super::*;

fn dev_set() -> Vec<LabelledPrompt> {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data/routing_dev.jsonl");
    std::fs::read_to_string(&path)
        .expect("development set")
        .lines()
        .map(|line| serde_json::from_str(line).expect("labelled prompt"))
        .collect()
}

#[test]
fn the_development_set_is_routed_within_the_targets() {
    let set = dev_set();
    assert!(set.len() >= 150);
    let evaluation = evaluate(&set, &TierModels::default());
    for (prompt, label, routed) in &evaluation.misses {
        eprintln!(
            "{label} -> {routed}: {}",
            prompt.lines().next().unwrap_or_default()
        );
    }
    eprintln!(
        "exact {:.1}% under {:.1}% over {:.1}% cost vs opus {:.1}% vs sonnet {:.1}%",
        evaluation.exact * 100.0,
        evaluation.under * 100.0,
        evaluation.over * 100.0,
        evaluation.cost_vs_opus * 100.0,
        evaluation.cost_vs_sonnet * 100.0
    );
    assert!(evaluation.exact >= 0.85, "exact {:.3}", evaluation.exact);
    assert!(evaluation.under <= 0.05, "under {:.3}", evaluation.under);
}
