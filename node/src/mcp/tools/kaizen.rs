//! The Kaizen loop's tool: what it changed and measured over a period. The experiment manager is a service
//! any node with JetStream answers; the report is built from its experiment list and parameter store
//! ([`crate::kaizen::report`]).

use rmcp::{Json, handler::server::wrapper::Parameters, tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use shim_protocol::{
    WireError,
    messages::{ExperimentList, ParameterList},
    subject::KaizenOp,
};

use super::Scope;
use crate::{
    kaizen::{
        client,
        report::{self, ImprovementReport},
    },
    mcp::ShimMcp,
    nats::ClientError,
};

/// The period when the model names none, days.
const DEFAULT_SINCE_DAYS: f64 = 30.0;
/// The longest period, days: ten years.
const MAX_SINCE_DAYS: f64 = 3650.0;

/// Arguments of `shim_improvement_report`.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct ImprovementReportArgs {
    /// Days to report on, ending now (default 30).
    #[serde(default)]
    pub since_days: Option<f64>,
}

/// The period asked for, or the reason it cannot be used (as the node would refuse it).
fn since_days(since_days_opt: Option<f64>) -> Result<f64, String> {
    match since_days_opt {
        None => Ok(DEFAULT_SINCE_DAYS),
        Some(days) if days.is_finite() && days > 0.0 && days <= MAX_SINCE_DAYS => Ok(days),
        Some(days) => Err(WireError::bad_request(format!(
            "since_days must be more than 0 and at most {MAX_SINCE_DAYS} (got {days})"
        ))
        .to_string()),
    }
}

#[tool_router(router = kaizen_router, vis = "pub(in crate::mcp)")]
impl ShimMcp {
    #[tool(
        name = "shim_improvement_report",
        description = "What SHIM's self-improvement loop shipped (measured effect, 95% CI), is testing, rolled back or refused in the last since_days, and the settings in force."
    )]
    async fn improvement_report(
        &self,
        Parameters(args): Parameters<ImprovementReportArgs>,
    ) -> Result<Json<ImprovementReport>, String> {
        let days = since_days(args.since_days)?;
        let (list, parameters) = self
            .request(Scope::Node, |call| async move {
                let list: ExperimentList = client::request(&call.node, KaizenOp::List, &()).await?;
                let parameters: ParameterList =
                    client::request(&call.node, KaizenOp::Parameters, &()).await?;
                Ok::<_, ClientError>((list, parameters))
            })
            .await?;
        Ok(Json(report::build(
            &list,
            &parameters,
            days,
            shim_actors::now_ms(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_period_defaults_to_30_days_and_must_be_positive() {
        assert_eq!(since_days(None), Ok(30.0));
        assert_eq!(since_days(Some(7.5)), Ok(7.5));
        for bad in [0.0, -1.0, f64::NAN, 4000.0] {
            let refused = since_days(Some(bad)).expect_err("refused");
            assert!(refused.starts_with("bad request: since_days"), "{refused}");
        }
    }
}
