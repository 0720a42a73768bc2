//! The measures of each router on a labelled set, and the report (markdown or JSON).

use std::{collections::BTreeMap, fmt::Write};

use serde::Serialize;
use shim_actors::model_router::{
    analyzer::analyze,
    classifier::{
        Classifier,
        metrics::{self, Confusion},
    },
    router::{Complexity, Tier, TierModels, estimated_output_tokens},
};

use super::{System, route};

/// One prompt to evaluate, with what the report breaks results down by.
#[derive(Debug, Clone)]
pub struct Item {
    /// The prompt.
    pub prompt: String,
    /// Its label.
    pub label: Tier,
    /// Its category, domain and trap ("none" when it sets none).
    pub groups: [String; 3],
}

/// The names of [`Item::groups`].
pub const GROUPS: [&str; 3] = ["category", "domain", "trap"];

/// How one system did on a set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measures {
    /// The system.
    pub system: String,
    /// Prompts.
    pub prompts: usize,
    /// Share routed to their label.
    pub exact: f64,
    /// Share routed to a weaker tier.
    pub under: f64,
    /// Share routed to a stronger tier.
    pub over: f64,
    /// Cost over the cost of sending everything to opus.
    pub cost_vs_opus: f64,
    /// Cost over the cost of sending everything to sonnet.
    pub cost_vs_sonnet: f64,
    /// Counts by label (rows) and routed tier (columns).
    pub confusion: Confusion,
    /// Expected calibration error (10 bins) of the learned model's probabilities.
    pub ece_opt: Option<f64>,
}

/// One group's results (a category, a domain, a trap kind).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupResult {
    /// category, domain or trap.
    pub group: String,
    /// Its value.
    pub value: String,
    /// Prompts.
    pub prompts: usize,
    /// The learned model's exact, under and over shares.
    pub model: [f64; 3],
    /// The lexicon rule's exact share.
    pub lexicon_exact: f64,
}

/// Each system's measures on `items`, and the learned model's and the lexicon's results per group.
pub fn evaluate(classifier: &Classifier, items: &[Item]) -> (Vec<Measures>, Vec<GroupResult>) {
    let models = TierModels::default();
    // Cost: the prompt's tokens in, the output expected for its task type at its label's complexity out.
    let tokens: Vec<(usize, usize)> = items
        .iter()
        .map(|item| {
            let features = analyze(&item.prompt);
            let complexity = match item.label {
                Tier::Haiku => Complexity::Simple,
                Tier::Sonnet => Complexity::Medium,
                Tier::Opus => Complexity::Complex,
            };
            (
                features.tokens,
                estimated_output_tokens(&features.task_type, complexity),
            )
        })
        .collect();
    let cost_of = |tier: Tier| -> f64 {
        tokens
            .iter()
            .map(|(input, output)| models.cost(tier, *input, *output))
            .sum()
    };
    let (opus_cost, sonnet_cost) = (cost_of(Tier::Opus), cost_of(Tier::Sonnet));
    let labels: Vec<Tier> = items.iter().map(|item| item.label).collect();
    let mut measures = Vec::new();
    let mut routed_by: BTreeMap<&str, Vec<Tier>> = BTreeMap::new();
    for system in System::ALL {
        let routed: Vec<_> = items
            .iter()
            .map(|item| route(system, classifier, &item.prompt))
            .collect();
        let tiers: Vec<Tier> = routed.iter().map(|one| one.tier).collect();
        let confusion = metrics::confusion(&labels, &tiers);
        let (exact, under, over) = metrics::shares(&confusion);
        let cost: f64 = tiers
            .iter()
            .zip(&tokens)
            .map(|(tier, (input, output))| models.cost(*tier, *input, *output))
            .sum();
        let probabilities: Option<Vec<[f64; 3]>> =
            routed.iter().map(|one| one.probabilities_opt).collect();
        measures.push(Measures {
            system: system.name().to_owned(),
            prompts: items.len(),
            exact,
            under,
            over,
            cost_vs_opus: cost / opus_cost.max(f64::EPSILON),
            cost_vs_sonnet: cost / sonnet_cost.max(f64::EPSILON),
            confusion,
            ece_opt: probabilities.map(|probabilities| metrics::ece(&probabilities, &labels, 10)),
        });
        routed_by.insert(system.name(), tiers);
    }
    let model = &routed_by[System::Model.name()];
    let lexicon = &routed_by[System::Lexicon.name()];
    let mut groups = Vec::new();
    for (slot, group) in GROUPS.iter().enumerate() {
        let mut members: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, item) in items.iter().enumerate() {
            members.entry(&item.groups[slot]).or_default().push(index);
        }
        for (value, indices) in members {
            let pick =
                |tiers: &[Tier]| -> Vec<Tier> { indices.iter().map(|at| tiers[*at]).collect() };
            let group_labels = pick(&labels);
            let (exact, under, over) =
                metrics::shares(&metrics::confusion(&group_labels, &pick(model)));
            let (lexicon_exact, ..) =
                metrics::shares(&metrics::confusion(&group_labels, &pick(lexicon)));
            groups.push(GroupResult {
                group: (*group).to_owned(),
                value: value.to_owned(),
                prompts: indices.len(),
                model: [exact, under, over],
                lexicon_exact,
            });
        }
    }
    (measures, groups)
}

/// Agreement of two independent labellings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Rows labelled twice.
    pub rows: usize,
    /// Share where the labels agree.
    pub agreement: f64,
    /// Cohen's kappa.
    pub kappa: f64,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Rows per set: train, validation, test.
    pub split: [usize; 3],
    /// Labels per tier in the corpus: haiku, sonnet, opus.
    pub corpus_labels: [usize; 3],
    /// Each system on the frozen test.
    pub test: Vec<Measures>,
    /// The learned model (and the lexicon's exact share) per category, domain and trap, on the test.
    pub test_groups: Vec<GroupResult>,
    /// Each system on the development set.
    pub dev: Vec<Measures>,
    /// Agreement of the second labelling, when there is one.
    pub agreement_opt: Option<Agreement>,
    /// The model's header, training measures included.
    pub model: serde_json::Value,
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

fn systems_table(out: &mut String, measures: &[Measures]) {
    out.push_str("| system | exact | under-routed | over-routed | cost vs always-opus | cost vs always-sonnet |\n");
    out.push_str("|---|---:|---:|---:|---:|---:|\n");
    for one in measures {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            one.system,
            percent(one.exact),
            percent(one.under),
            percent(one.over),
            percent(one.cost_vs_opus),
            percent(one.cost_vs_sonnet)
        );
    }
}

fn confusion_table(out: &mut String, confusion: &Confusion) {
    out.push_str("| label \\ routed | haiku | sonnet | opus |\n|---|---:|---:|---:|\n");
    for tier in Tier::ALL {
        let row = confusion[tier as usize];
        let _ = writeln!(out, "| {tier} | {} | {} | {} |", row[0], row[1], row[2]);
    }
}

impl Report {
    /// The report in markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let [train, validation, test] = self.split;
        let _ = writeln!(
            out,
            "# Routing evaluation\n\nCorpus: {} prompts ({} haiku, {} sonnet, {} opus); split {train} train / {validation} validation / {test} frozen test.\n",
            self.corpus_labels.iter().sum::<usize>(),
            self.corpus_labels[0],
            self.corpus_labels[1],
            self.corpus_labels[2]
        );
        let _ = writeln!(out, "## Frozen test ({test} prompts)\n");
        systems_table(&mut out, &self.test);
        if let Some(model) = self.test.first() {
            let _ = writeln!(
                out,
                "\nLearned model, expected calibration error (10 bins): {:.3}\n",
                model.ece_opt.unwrap_or(f64::NAN)
            );
            for measures in &self.test {
                let _ = writeln!(out, "Confusion, {}:\n", measures.system);
                confusion_table(&mut out, &measures.confusion);
                out.push('\n');
            }
        }
        for group in super::report::GROUPS {
            let _ = writeln!(
                out,
                "Per {group} (learned model; lexicon rule exact for comparison):\n\n| {group} | prompts | exact | under | over | lexicon exact |\n|---|---:|---:|---:|---:|---:|"
            );
            for result in self
                .test_groups
                .iter()
                .filter(|result| result.group == group)
            {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} |",
                    result.value,
                    result.prompts,
                    percent(result.model[0]),
                    percent(result.model[1]),
                    percent(result.model[2]),
                    percent(result.lexicon_exact)
                );
            }
            out.push('\n');
        }
        let dev = self.dev.first().map_or(0, |measures| measures.prompts);
        let _ = writeln!(out, "## Development set ({dev} prompts)\n");
        systems_table(&mut out, &self.dev);
        out.push('\n');
        match &self.agreement_opt {
            Some(agreement) => {
                let _ = writeln!(
                    out,
                    "## Labelling agreement\n\n{} rows labelled twice, independently: {} agree, Cohen's kappa {:.3}.\n",
                    agreement.rows,
                    percent(agreement.agreement),
                    agreement.kappa
                );
            }
            None => out.push_str("## Labelling agreement\n\nNo second labelling found.\n\n"),
        }
        let model = &self.model;
        let _ = writeln!(
            out,
            "## Model\n\nseed {}, features {}, L2 {}, temperature {:.2}, thresholds {}, corpus sha256 {}\n\nValidation: {}",
            model["seed"],
            model["features"],
            model["l2"],
            model["temperature"].as_f64().unwrap_or(f64::NAN),
            model["thresholds"],
            model["corpus_sha256"],
            validation_line(&model["training"])
        );
        out
    }
}

fn validation_line(training: &serde_json::Value) -> String {
    let pair = |key: &str| {
        (
            training[key][0].as_f64().unwrap_or(f64::NAN),
            training[key][1].as_f64().unwrap_or(f64::NAN),
        )
    };
    let (ece_before, ece_after) = pair("validation_ece");
    let (loss_before, loss_after) = pair("validation_log_loss");
    let rule = &training["validation_rule"];
    format!(
        "ECE {ece_before:.3} before temperature scaling, {ece_after:.3} after; log loss {loss_before:.3} → {loss_after:.3}; the rule: cost {:.3} per prompt, exact {}, under-routed {}.",
        rule[0].as_f64().unwrap_or(f64::NAN),
        percent(rule[1].as_f64().unwrap_or(f64::NAN)),
        percent(rule[2].as_f64().unwrap_or(f64::NAN)),
    )
}
