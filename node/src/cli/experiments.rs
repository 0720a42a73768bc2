//! `shim-node experiments` and `shim-node improvements`: the Kaizen loop as a person sees and steers it
//! (docs/kaizen.md). Each command is one or two requests to the experiment manager on
//! `shim.v1.kaizen.<op>`, which any node whose NATS server has JetStream answers, made through
//! [`crate::kaizen::client`]; the text is drawn in [`render`].

mod render;

use std::{process::ExitCode, time::Duration};

use serde::Serialize;
use shim_actors::experiment_manager::catalogue;
use shim_protocol::{
    WireError,
    messages::{
        AuditEntry, AuditList, AuditRequest, Experiment, ExperimentIdRequest, ExperimentList,
        ExperimentStatus, MetricKind, ParameterList, ProposeRequest, ProposedValue,
    },
    subject::KaizenOp,
};

use super::exit::{NoNodeError, UsageError};
use crate::{
    config::Config,
    kaizen::{client, report::is_improvement},
    nats::{ClientError, NodeClient},
};

/// What a command waits for the manager beyond the request timeout. The node gives its manager the request
/// timeout of its configuration (`request_timeout_ms`, 5 s by default), and a command reads the same
/// configuration; the margin covers the JetStream reads of a list and the round trip, so that a manager too
/// slow to answer is reported by the node, with its reason, before the command gives up.
const MARGIN: Duration = Duration::from_secs(5);

/// A connection to the experiment manager, for one command.
struct Manager<'a> {
    config: &'a Config,
    node: NodeClient,
}

impl<'a> Manager<'a> {
    async fn connect(config: &'a Config) -> anyhow::Result<Manager<'a>> {
        let client = super::connect_nats(config, "shim-node experiments").await?;
        Ok(Manager {
            config,
            node: NodeClient::new(
                client,
                config.node_id.clone(),
                config.request_timeout() + MARGIN,
            ),
        })
    }

    /// Sends `request` as `op`; an error reads as a person needs it.
    async fn ask<Req: Serialize, Resp: serde::de::DeserializeOwned>(
        &self,
        op: KaizenOp,
        request: &Req,
    ) -> anyhow::Result<Resp> {
        match client::request(&self.node, op, request).await {
            Ok(reply) => Ok(reply),
            Err(ClientError::NoNode { .. }) => Err(NoNodeError(format!(
                "no shim-node answers on NATS at {}; start one with `shim-node run`",
                self.config.nats_url
            ))
            .into()),
            Err(ClientError::Timeout { after_ms, .. }) => anyhow::bail!(
                "the experiment manager did not answer within {} s; try again",
                after_ms / 1000
            ),
            Err(ClientError::Remote(WireError::NotFound { kind, id })) => anyhow::bail!(
                "{kind} {id} does not exist; `shim-node experiments list` lists the experiments"
            ),
            Err(ClientError::Remote(
                WireError::BadRequest { message } | WireError::Unavailable { message },
            )) => Err(anyhow::Error::msg(message)),
            Err(error) => Err(error.into()),
        }
    }

    async fn experiment(&self, id: &str) -> anyhow::Result<Experiment> {
        self.ask(KaizenOp::Show, &id_request(id, None, None)).await
    }

    async fn audit(&self, id: &str) -> anyhow::Result<AuditList> {
        self.ask(
            KaizenOp::Audit,
            &AuditRequest {
                since_ms: 0,
                experiment_id: Some(id.to_owned()),
            },
        )
        .await
    }
}

fn id_request(id: &str, by: Option<String>, reason: Option<String>) -> ExperimentIdRequest {
    ExperimentIdRequest {
        id: id.to_owned(),
        by,
        reason,
    }
}

/// Who acts: `--by`, else the user name from `$USER`, else "a person".
fn person(by_opt: Option<String>) -> String {
    by_opt
        .filter(|by| !by.trim().is_empty())
        .or_else(|| {
            std::env::var("USER")
                .ok()
                .filter(|user| !user.trim().is_empty())
        })
        .unwrap_or_else(|| "a person".to_owned())
}

/// `experiments show --json` and `improvements show --json`: the experiment's fields, and its audit.
#[derive(Debug, Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    experiment: &'a Experiment,
    /// Its audit entries, oldest first.
    audit: &'a [AuditEntry],
}

fn print_json<T: Serialize>(value: &T) -> anyhow::Result<ExitCode> {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(ExitCode::SUCCESS)
}

/// `shim-node experiments list`.
pub(super) async fn list(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let manager = Manager::connect(config).await?;
    let list: ExperimentList = manager.ask(KaizenOp::List, &()).await?;
    if json {
        return print_json(&list);
    }
    if list.experiments.is_empty() {
        outln!("no experiments");
        return Ok(ExitCode::SUCCESS);
    }
    for line in render::experiments(&list.experiments) {
        outln!("{line}");
    }
    if list.truncated {
        outln!("(more experiments are kept than listed; the oldest are left out)");
    }
    Ok(ExitCode::SUCCESS)
}

/// `shim-node experiments show` and, with `improvement`, `shim-node improvements show` (which refuses an
/// experiment that never shipped).
pub(super) async fn show(
    config: &Config,
    id: &str,
    json: bool,
    improvement: bool,
) -> anyhow::Result<ExitCode> {
    let manager = Manager::connect(config).await?;
    let experiment = manager.experiment(id).await?;
    if improvement && !is_improvement(&experiment) {
        anyhow::bail!(
            "{id} is not an improvement: it is {}, and only an experiment that shipped is one \
             (`shim-node experiments show {id}` shows it)",
            experiment.status.as_str()
        );
    }
    let audit = manager.audit(id).await?;
    if json {
        return print_json(&Shown {
            experiment: &experiment,
            audit: &audit.entries,
        });
    }
    out!("{}", render::experiment(&experiment, &audit));
    Ok(ExitCode::SUCCESS)
}

/// What `shim-node experiments propose` was given.
#[derive(Debug)]
pub(super) struct Proposal {
    /// `NAME=VALUE`, one or more.
    pub(super) set: Vec<String>,
    /// The primary metric, when not the first parameter's own.
    pub(super) metric: Option<String>,
    /// Its mean now.
    pub(super) baseline: f64,
    /// Its standard deviation now.
    pub(super) baseline_sd: Option<f64>,
    /// Why.
    pub(super) reason: String,
}

/// `NAME=VALUE` as a parameter and its value; a usage error says what is wrong.
fn parse_set(text: &str) -> anyhow::Result<ProposedValue> {
    let usage = |why: &str| UsageError(format!("--set {text:?}: {why}"));
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| usage("give NAME=VALUE, for example checkpoint.every_calls=3"))?;
    let name = name.trim();
    if catalogue::parameter(name).is_none() {
        return Err(usage(&format!(
            "{name:?} is not a parameter the loop may change; the parameters are {}",
            catalogue::PARAMETERS.map(|spec| spec.name).join(", ")
        ))
        .into());
    }
    let value: f64 = value
        .trim()
        .parse()
        .ok()
        .filter(|value: &f64| value.is_finite())
        .ok_or_else(|| usage("the value is not a number"))?;
    Ok(ProposedValue {
        parameter: name.to_owned(),
        value,
    })
}

/// The request `shim-node experiments propose` sends for `proposal` by `by`.
fn propose_request(proposal: Proposal, by: &str) -> anyhow::Result<ProposeRequest> {
    let changes = proposal
        .set
        .iter()
        .map(|text| parse_set(text))
        .collect::<anyhow::Result<Vec<_>>>()?;
    for (index, change) in changes.iter().enumerate() {
        if changes[..index]
            .iter()
            .any(|earlier| earlier.parameter == change.parameter)
        {
            return Err(UsageError(format!("--set names {} twice", change.parameter)).into());
        }
    }
    let first = changes
        .first()
        .ok_or_else(|| UsageError("give at least one --set NAME=VALUE".to_owned()))?;
    let metric_name = proposal.metric.clone().unwrap_or_else(|| {
        catalogue::parameter(&first.parameter)
            .map_or("calls_lost", |spec| spec.primary)
            .to_owned()
    });
    let metric = catalogue::metric(&metric_name).ok_or_else(|| {
        UsageError(format!(
            "--metric {metric_name:?} is not a metric; the metrics are {}",
            catalogue::METRICS.map(|metric| metric.name).join(", ")
        ))
    })?;
    if metric.kind == MetricKind::Mean && proposal.baseline_sd.is_none() {
        return Err(UsageError(format!(
            "{metric_name} is a mean: give its standard deviation per session with --baseline-sd"
        ))
        .into());
    }
    let label = changes
        .iter()
        .map(|change| change.parameter.as_str())
        .collect::<Vec<_>>()
        .join(" + ");
    Ok(ProposeRequest {
        // A manager that predates variants of several parameters refuses the label as no parameter, rather
        // than testing the first alone.
        parameter: if changes.len() == 1 {
            first.parameter.clone()
        } else {
            label
        },
        treatment: first.value,
        changes,
        hypothesis: proposal.reason,
        evidence: Vec::new(),
        source: format!("person:{by}"),
        primary: Some(metric_name),
        baseline: Some(proposal.baseline),
        baseline_sd: proposal.baseline_sd,
    })
}

/// `shim-node experiments propose`: the experiment as the manager judged it (a person's proposal waits for
/// approval, or is refused with the reason).
pub(super) async fn propose(
    config: &Config,
    proposal: Proposal,
    by_opt: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let request = propose_request(proposal, &person(by_opt))?;
    let manager = Manager::connect(config).await?;
    let experiment: Experiment = manager.ask(KaizenOp::Propose, &request).await?;
    // A refused proposal is kept, with its reason, in the list and the audit; the command fails.
    let refused = experiment.status == ExperimentStatus::Refused;
    if json {
        print_json(&experiment)?;
        return Ok(if refused {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        });
    }
    if refused {
        anyhow::bail!("{}", render::status_line(&experiment));
    }
    outln!("{}", render::status_line(&experiment));
    Ok(ExitCode::SUCCESS)
}

/// `shim-node experiments approve`.
pub(super) async fn approve(
    config: &Config,
    id: &str,
    by_opt: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let manager = Manager::connect(config).await?;
    let experiment: Experiment = manager
        .ask(
            KaizenOp::Approve,
            &id_request(id, Some(person(by_opt)), None),
        )
        .await?;
    if json {
        return print_json(&experiment);
    }
    outln!("{}", render::status_line(&experiment));
    Ok(ExitCode::SUCCESS)
}

/// `shim-node experiments stop`.
pub(super) async fn stop(
    config: &Config,
    id: &str,
    reason_opt: Option<String>,
    by_opt: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let manager = Manager::connect(config).await?;
    let experiment: Experiment = manager
        .ask(
            KaizenOp::Stop,
            &id_request(id, Some(person(by_opt)), reason_opt),
        )
        .await?;
    if json {
        return print_json(&experiment);
    }
    outln!("{}", render::status_line(&experiment));
    Ok(ExitCode::SUCCESS)
}

/// `shim-node experiments parameters`.
pub(super) async fn parameters(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let manager = Manager::connect(config).await?;
    let parameters: ParameterList = manager.ask(KaizenOp::Parameters, &()).await?;
    if json {
        return print_json(&parameters);
    }
    for line in render::parameters(&parameters) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `shim-node improvements list`: the experiments that shipped, reverted since or not.
pub(super) async fn improvements(config: &Config, json: bool) -> anyhow::Result<ExitCode> {
    let manager = Manager::connect(config).await?;
    let mut list: ExperimentList = manager.ask(KaizenOp::List, &()).await?;
    list.experiments.retain(is_improvement);
    if json {
        return print_json(&list);
    }
    if list.experiments.is_empty() {
        outln!("no improvements yet: no experiment has shipped");
        return Ok(ExitCode::SUCCESS);
    }
    for line in render::improvements(&list.experiments) {
        outln!("{line}");
    }
    if list.truncated {
        outln!("(more experiments are kept than listed; the oldest are left out)");
    }
    Ok(ExitCode::SUCCESS)
}

/// `shim-node improvements revert`: the parameter goes back to the value before the improvement, unless it
/// was changed again since.
pub(super) async fn revert(
    config: &Config,
    id: &str,
    reason_opt: Option<String>,
    by_opt: Option<String>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let manager = Manager::connect(config).await?;
    let experiment: Experiment = manager
        .ask(
            KaizenOp::Revert,
            &id_request(id, Some(person(by_opt)), reason_opt),
        )
        .await?;
    if json {
        return print_json(&experiment);
    }
    outln!("{}", render::status_line(&experiment));
    let parameters: ParameterList = manager.ask(KaizenOp::Parameters, &()).await?;
    for change in experiment.changes() {
        if let Some(parameter) = parameters
            .parameters
            .iter()
            .find(|parameter| parameter.name == change.parameter)
        {
            outln!("{} is now {} for everyone", parameter.name, parameter.value);
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proposal(set: &[&str], metric: Option<&str>, sd: Option<f64>) -> Proposal {
        Proposal {
            set: set.iter().map(|each| (*each).to_owned()).collect(),
            metric: metric.map(str::to_owned),
            baseline: 1.8,
            baseline_sd: sd,
            reason: "why".to_owned(),
        }
    }

    #[test]
    fn a_proposal_of_several_values_names_them_all() {
        let request = propose_request(
            proposal(
                &[
                    "checkpoint.every_calls=3",
                    "risk.calls_since_checkpoint_warning=7",
                ],
                Some("calls_lost"),
                Some(2.5),
            ),
            "alice",
        )
        .expect("a good proposal");
        assert_eq!(request.changes.len(), 2);
        assert_eq!(
            request.changes[1].parameter,
            "risk.calls_since_checkpoint_warning"
        );
        assert_eq!(request.changes[1].value, 7.0);
        assert_eq!(
            request.parameter,
            "checkpoint.every_calls + risk.calls_since_checkpoint_warning"
        );
        assert_eq!(request.source, "person:alice");
        let single = propose_request(
            proposal(&["checkpoint.every_calls=3"], None, Some(2.5)),
            "a",
        )
        .expect("one value");
        assert_eq!(single.parameter, "checkpoint.every_calls");
        assert_eq!(single.primary.as_deref(), Some("calls_lost"));
        for bad in [
            proposal(&["checkpoint.every_calls"], None, Some(1.0)),
            proposal(&["nope=3"], None, Some(1.0)),
            proposal(&["checkpoint.every_calls=x"], None, Some(1.0)),
            proposal(
                &["checkpoint.every_calls=3", "checkpoint.every_calls=4"],
                None,
                Some(1.0),
            ),
            proposal(&["checkpoint.every_calls=3"], Some("speed"), Some(1.0)),
            proposal(&["checkpoint.every_calls=3"], None, None),
        ] {
            let error = propose_request(bad, "a").expect_err("a usage error");
            assert!(error.downcast_ref::<UsageError>().is_some(), "{error}");
        }
        // A rate needs no standard deviation.
        assert!(
            propose_request(
                proposal(&["checkpoint.every_calls=3"], Some("interrupted"), None),
                "a"
            )
            .is_ok()
        );
    }

    #[test]
    fn the_person_is_the_one_named_else_the_user() {
        assert_eq!(person(Some("alice".to_owned())), "alice");
        let fallback = person(Some("  ".to_owned()));
        match std::env::var("USER") {
            Ok(user) if !user.trim().is_empty() => assert_eq!(fallback, user),
            _ => assert_eq!(fallback, "a person"),
        }
    }
}
