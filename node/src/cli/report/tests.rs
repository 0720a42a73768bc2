use std::collections::BTreeMap;

use shim_protocol::messages::{
    AnalyticsSummary, CategoryRouting, CheckpointCoverage, CheckpointStats, CrashPrediction,
    LevelPrediction, Period, Quartiles, ResumeCounts, RoutingStats, SpendStats, Spread,
};

use super::{html, markdown, svg};

fn counts(pairs: &[(&str, u64)]) -> BTreeMap<String, u64> {
    pairs
        .iter()
        .map(|(name, count)| ((*name).to_owned(), *count))
        .collect()
}

/// A month with 40 sessions: 30 clean, 6 resumed, 2 abandoned, 2 too long.
fn month() -> AnalyticsSummary {
    AnalyticsSummary {
        period: Period {
            since: "2026-11-01T00:00:00Z".to_owned(),
            until: "2026-12-01T00:00:00Z".to_owned(),
        },
        sessions: 40,
        outcomes: counts(&[
            ("clean", 30),
            ("resumed", 6),
            ("abandoned", 2),
            ("too_long", 2),
        ]),
        interruption_rate: Some(0.2),
        resumes: ResumeCounts {
            offered: 8,
            taken: 6,
        },
        checkpoints: CheckpointStats {
            count: 120,
            latency_ms: Spread {
                p50: Some(3.25),
                p95: Some(11.0),
                max: Some(40.0),
            },
        },
        risk_time_s: [
            ("safe", 72_000.0),
            ("warning", 7_200.0),
            ("danger", 1_800.0),
        ]
        .into_iter()
        .map(|(level, seconds)| (level.to_owned(), seconds))
        .collect(),
        routing: RoutingStats {
            decisions: 200,
            by_tier: counts(&[("haiku", 80), ("sonnet", 90), ("opus", 30)]),
            overrides: 10,
            by_category: vec![CategoryRouting {
                category: "design".to_owned(),
                decisions: 25,
                overrides: 10,
                override_rate: Some(0.4),
                overrides_up: 9,
                overrides_down: 1,
            }],
        },
        spend: SpendStats {
            estimated_usd: 12.5,
            actual_usd: Some(14.0),
            always_opus_usd: 40.0,
            savings_usd: 27.5,
        },
        queue: Default::default(),
        crash_prediction: CrashPrediction {
            sessions: 40,
            bad_outcomes: 10,
            levels: [(
                "danger".to_owned(),
                LevelPrediction {
                    flagged: 8,
                    true_positives: 6,
                    precision: Some(0.75),
                    recall: Some(0.6),
                    lead_minutes: Quartiles {
                        p25: Some(2.0),
                        median: Some(4.5),
                        p75: Some(9.0),
                    },
                    lead_tool_calls: Quartiles {
                        p25: Some(3.0),
                        median: Some(7.0),
                        p75: Some(12.0),
                    },
                },
            )]
            .into_iter()
            .collect(),
            checkpoint_within_last_n: CheckpointCoverage {
                n: 5,
                interrupted: 8,
                with_checkpoint: 6,
                share: Some(0.75),
            },
            sessions_truncated: false,
        },
        events_read: 5_000,
        sessions_truncated: false,
    }
}

/// The month before: fewer sessions and a higher interruption rate.
fn month_before() -> AnalyticsSummary {
    AnalyticsSummary {
        sessions: 30,
        interruption_rate: Some(0.25),
        outcomes: counts(&[("clean", 22), ("resumed", 5), ("abandoned", 3)]),
        ..AnalyticsSummary::default()
    }
}

fn bar_width(rect: roxmltree::Node<'_, '_>) -> f64 {
    rect.attribute("width")
        .expect("a bar has a width")
        .parse()
        .expect("a number")
}

#[test]
fn the_markdown_report_states_the_headlines_with_the_change_against_the_period_before() {
    let text = markdown(&month(), Some(&month_before()), &[]);
    assert!(text.starts_with("# SHIM report\n"), "{text}");
    for expected in [
        "- 40 sessions (the period before: 30)",
        // 0.2 against 0.25: a fifth fewer interruptions.
        "- Interruption rate 20.0% (−20.0% against the period before, 25.0%)",
        "- Resumes: 8 offered, 6 taken",
        "- Routing saved $27.50 against always using opus (estimated spend $12.50, opus would have cost $40.00)",
        "- Danger was reached before 6 of 10 bad endings (recall 60.0%, precision 75.0%), a median of 4.5 minutes \
         and 7 tool calls ahead",
        "- 6 of 8 interrupted sessions had a checkpoint within their last 5 tool calls (75.0%)",
        "- 120 checkpoints saved, 3.2 ms at the median, 11.0 ms at the 95th percentile",
        "| resumed | 6 | 15.0% | 5 |",
        "| too\\_long | 2 | 5.0% | 0 |",
        "| design | 25 | 10 | 40.0% |",
        "| reported by the assistant | $14.00 |",
        "| danger | 8 | 6 | 75.0% | 60.0% | 2.0 / 4.5 / 9.0 | 3 / 7 / 12 |",
        "| warning | 0 | 0 | n/a | n/a | n/a / n/a / n/a | n/a / n/a / n/a |",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn the_html_report_is_one_well_formed_document_with_its_charts_inline_and_nothing_loaded() {
    let page = html(&month(), Some(&month_before()), &[]);
    let document = roxmltree::Document::parse_with_options(
        page.trim_start_matches("<!DOCTYPE html>\n"),
        roxmltree::ParsingOptions::default(),
    )
    .unwrap_or_else(|error| panic!("not well-formed: {error}\n{page}"));
    let svgs: Vec<_> = document
        .descendants()
        .filter(|node| node.has_tag_name("svg"))
        .collect();
    // Outcomes, risk levels, tiers and spend.
    assert_eq!(svgs.len(), 4, "{page}");
    let outcome_bars: Vec<f64> = svgs[0]
        .descendants()
        .filter(|node| node.has_tag_name("rect"))
        .map(bar_width)
        .collect();
    // clean (30) is the longest bar; resumed (6) a fifth of it; interrupted (0) empty.
    assert_eq!(outcome_bars.len(), 8);
    assert!(
        (outcome_bars[0] / outcome_bars[2] - 5.0).abs() < 0.01,
        "{outcome_bars:?}"
    );
    assert_eq!(outcome_bars[1], 0.0);
    // Nothing outside the file: no script, no link, no image, no URL but the XML namespaces.
    for node in document.descendants() {
        assert!(
            !["script", "link", "img", "iframe", "object"]
                .iter()
                .any(|tag| node.has_tag_name(*tag)),
            "{page}"
        );
        for attribute in node.attributes() {
            assert!(
                !attribute.value().contains("://") || attribute.name() == "xmlns",
                "{} = {}",
                attribute.name(),
                attribute.value()
            );
        }
    }
    assert!(page.contains("Routing saved $27.50 against always using opus"));
}

#[test]
fn hostile_names_are_escaped_in_both_forms() {
    let mut summary = month();
    summary.routing.by_category[0].category = "<script>alert(1)</script> | x\n# y \u{7}".to_owned();
    let page = html(&summary, None, &[]);
    assert!(!page.contains("<script>"), "{page}");
    roxmltree::Document::parse(page.trim_start_matches("<!DOCTYPE html>\n"))
        .unwrap_or_else(|error| panic!("not well-formed: {error}"));
    let text = markdown(&summary, None, &[]);
    let row = text
        .lines()
        .find(|line| line.contains("alert(1)"))
        .expect("the category's row");
    // Still one row of four cells: the pipe is escaped, the line break gone.
    assert_eq!(row.matches(" | ").count(), 3, "{row}");
    assert!(row.contains("\\<script\\>"), "{row}");
    assert!(!text.contains("\n# y"), "{text}");
}

#[test]
fn an_empty_period_renders_without_numbers_it_does_not_have() {
    let empty = AnalyticsSummary::default();
    let text = markdown(&empty, Some(&empty), &[]);
    assert!(text.contains("- Interruption rate n/a"), "{text}");
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    assert!(
        text.contains("| reported by the assistant | none reported |"),
        "{text}"
    );
    let page = html(&empty, None, &[]);
    roxmltree::Document::parse(page.trim_start_matches("<!DOCTYPE html>\n"))
        .unwrap_or_else(|error| panic!("not well-formed: {error}"));
    assert!(!page.contains("NaN"), "{page}");
}

#[test]
fn a_bar_chart_scales_to_its_longest_bar_and_draws_nonsense_as_empty() {
    let chart = svg::bar_chart(
        "t",
        &[
            svg::Bar::new("a", 10.0, "10"),
            svg::Bar::new("b", 5.0, "5"),
            svg::Bar::new("c", f64::NAN, "?"),
            svg::Bar::new("d", -3.0, "-3"),
        ],
    );
    let document = roxmltree::Document::parse(&chart).expect("well-formed");
    let widths: Vec<f64> = document
        .descendants()
        .filter(|node| node.has_tag_name("rect"))
        .map(bar_width)
        .collect();
    assert_eq!(widths, vec![350.0, 175.0, 0.0, 0.0]);
}

fn shipped_experiment() -> shim_protocol::messages::Experiment {
    use shim_protocol::messages::{
        ArmRecord, Better, Effect, Experiment, ExperimentPlan, ExperimentStatus, MetricKind,
        MetricSpec, StageRecord, Tally,
    };
    let arm = |n: u64, mean: f64| ArmRecord {
        exposed: n,
        observed: n,
        metrics: [(
            "cost_usd".to_owned(),
            Tally {
                n,
                sum: mean * n as f64,
                sum_sq: mean * mean * n as f64,
            },
        )]
        .into_iter()
        .collect(),
    };
    Experiment {
        id: "exp-1".to_owned(),
        parameter: "checkpoint.every_calls".to_owned(),
        control: 5.0,
        treatment: 3.0,
        changes: Vec::new(),
        hypothesis: "fewer calls lost".to_owned(),
        evidence: vec![],
        source: "detector:checkpoint-gap".to_owned(),
        primary: MetricSpec {
            name: "calls_lost".to_owned(),
            kind: MetricKind::Mean,
            better: Better::Lower,
        },
        guardrails: vec![],
        plan: ExperimentPlan {
            baseline: 1.8,
            baseline_sd: Some(3.0),
            mde: 0.2,
            alpha: 0.05,
            power: 0.9,
            units_per_arm: 1_500,
            canary_units: 150,
        },
        status: ExperimentStatus::Shipped,
        stage: 100,
        stages: vec![StageRecord {
            percent: 50,
            started_at_ms: 0,
            control: arm(1_000, 1.20),
            treatment: arm(1_000, 1.25),
        }],
        looks: vec![],
        effect: Some(Effect {
            metric: "calls_lost".to_owned(),
            control_mean: 1.8,
            treatment_mean: 1.35,
            n: [1_000, 1_000],
            difference: -0.45,
            ci95: [-0.7, -0.2],
            relative_lift: Some(-0.25),
            lift_ci95: Some([-0.38, -0.11]),
            p_value: 0.0004,
        }),
        reason: "ship: calls_lost better".to_owned(),
        approved_by: None,
        created_at_ms: 0,
        // 2025-11-15: the last 16 of the month's 30 days ran with it.
        updated_at_ms: 1_763_164_800_000,
        decided_at_ms: Some(1_763_164_800_000),
    }
}

#[test]
fn the_report_says_what_the_loop_changed_its_effect_and_what_it_brought() {
    use shim_protocol::messages::ExperimentStatus;
    let since = 1_761_955_200_000; // 2025-11-01
    let until = 1_764_547_200_000; // 2025-12-01
    let mut rolled_back = shipped_experiment();
    rolled_back.id = "exp-2".to_owned();
    rolled_back.status = ExperimentStatus::RolledBack;
    rolled_back.reason = "guardrail regression: <latency>".to_owned();
    let experiments = vec![shipped_experiment(), rolled_back];
    let blocks = super::improvements::blocks(Ok(&experiments), &month(), since, until);
    let text = markdown(&month(), None, &blocks);
    for expected in [
        "## What the Kaizen loop changed",
        "| checkpoint.every\\_calls 5 → 3 (exp-1) | 2025-11-15 | calls\\_lost 1.800 → 1.350 (-25.0%), p = 0.0004 | -38.0% to -11.0% | shipped |",
        // 40 sessions in the month, 16 of 30 days after it shipped: 21 sessions × 0.45 calls.
        "- checkpoint.every\\_calls 5 → 3: about 9 tool calls not lost over 21 sessions since it shipped (95% interval 4 to 15), about 0.2 hours of work at 1 minute per call",
        "- checkpoint.every\\_calls 5 → 3: $0.0500 more per session ($1.05 more over 21 sessions)",
        "exp-2 checkpoint.every\\_calls 5 → 3: rolled back (guardrail regression: \\<latency\\>)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let page = html(&month(), None, &blocks);
    assert!(
        page.contains("guardrail regression: &lt;latency&gt;"),
        "escaped"
    );
    roxmltree::Document::parse(page.trim_start_matches("<!DOCTYPE html>\n")).expect("well-formed");
    // Shipped before the period: the period's sessions, not "since it shipped".
    let later = 1_763_596_800_000; // 2025-11-20
    let blocks = super::improvements::blocks(Ok(&experiments), &month(), later, until);
    let text = markdown(&month(), None, &blocks);
    assert!(
        text.contains("about 18 tool calls not lost over this period's 40 sessions"),
        "{text}"
    );
    let unavailable = super::improvements::blocks(Err("no node answers"), &month(), since, until);
    assert!(
        markdown(&month(), None, &unavailable)
            .contains("The experiment manager could not be asked: no node answers.")
    );
}
