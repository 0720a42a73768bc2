//! The Kaizen loop as a person and an assistant see it: `shim-node experiments` and `shim-node improvements`
//! run as processes, exactly as docs/kaizen.md shows them, against a node whose experiment manager is fed
//! over NATS (proposals, and chats assigned and observed); and the MCP tool `shim_improvement_report` through
//! a spawned `shim-node mcp`.

use std::process::{Child, Command as StdCommand, Output, Stdio};

use serde::{Serialize, de::DeserializeOwned};
use serde_json::{Value, json};
use shim_actors::experiment_manager::{catalogue, evaluate, settings::KaizenSettings};
use shim_node::nats::NodeClient;
use shim_protocol::{
    messages::{
        AssignReply, AssignRequest, Experiment, ExperimentStatus, Observation, ObserveReply,
        ObserveRequest, ParameterList, ProposeRequest, Variant,
    },
    subject::{KaizenNames, KaizenOp},
};
use shim_tests::{DEADLINE, NatsServer, POLL, TestNode, wait_until};
use tempfile::TempDir;

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

/// The commands docs/kaizen.md shows, in its order; each is run below exactly as written.
const LIST: &str = "shim-node experiments list";
const SHOW_JSON: &str = "shim-node experiments show exp-1 --json";
const APPROVE: &str = "shim-node experiments approve exp-1";
const APPROVED: &str = "exp-1 is running at 10%: approved by alice; started at 10%";
const STOP: &str = r#"shim-node experiments stop exp-1 --reason "the 10% stage is enough for now""#;
const STOPPED: &str = "exp-1 is stopped: stopped by alice: the 10% stage is enough for now";
const PARAMETERS_JSON: &str = "shim-node experiments parameters --json";
const IMPROVEMENTS: &str = "shim-node improvements list";
const IMPROVEMENT: &str = "shim-node improvements show exp-1";
const REVERT: &str = r#"shim-node improvements revert exp-1 --reason "checkpoints every 5 minutes cost too much disk""#;
const REVERTED: &str = "exp-1 is reverted: reverted by alice: checkpoints every 5 minutes cost too much disk\n\
                        checkpoint.every_minutes is now 10 for everyone";
/// The commands of "Changes across components".
const PROPOSE_ACROSS: &str = r#"shim-node experiments propose --set checkpoint.every_calls=3 --set risk.calls_since_checkpoint_warning=7 --metric calls_lost --baseline 1.8 --baseline-sd 2.5 --reason "checkpoint and warn sooner together: fewer calls lost""#;
const PROPOSED_ACROSS: &str = "exp-1 is awaiting_approval: a person's proposal waits for a person's approval \
                               (shim-node experiments approve ID)";
const SHOW_ACROSS: &str = "shim-node experiments show exp-1";
const SHOWN_ACROSS: &str = "experiment  exp-1\n\
                            parameters  checkpoint.every_calls: 5 → 3\n\
                            \x20           risk.calls_since_checkpoint_warning: 10 → 7\n\
                            status      awaiting_approval\n";
const REVERT_ACROSS: &str =
    r#"shim-node improvements revert exp-1 --reason "warnings came too early for long refactors""#;
const REVERTED_ACROSS: &str = "exp-1 is reverted: reverted by alice: warnings came too early for long refactors\n\
                               checkpoint.every_calls is now 5 for everyone\n\
                               risk.calls_since_checkpoint_warning is now 10 for everyone";

/// Where the commands of a test run: the node's NATS and id in the environment, a config home of their
/// own (no user config is read), and `alice` as the user.
struct Shell {
    env: Vec<(&'static str, String)>,
    home: TempDir,
}

impl Shell {
    fn new(nats_url: &str, node_id: &str) -> Shell {
        let home = tempfile::tempdir().expect("temp dir");
        Shell {
            env: vec![
                ("SHIM_NATS_URL", nats_url.to_owned()),
                ("SHIM_NODE_ID", node_id.to_owned()),
                (
                    "SHIM_DATA_DIR",
                    home.path().join("data").display().to_string(),
                ),
                ("XDG_CONFIG_HOME", home.path().display().to_string()),
                ("USER", "alice".to_owned()),
            ],
            home,
        }
    }

    /// Runs `line` through `sh -c`, `shim-node` meaning the binary under test.
    async fn run(&self, line: &str) -> Output {
        tokio::process::Command::new("sh")
            .args(["-c", &line.replacen("shim-node", EXE, 1)])
            .current_dir(self.home.path())
            .envs(self.env.iter().map(|(key, value)| (*key, value.as_str())))
            .env_remove("SHIM_CONFIG")
            .env_remove("SHIM_LOG")
            .stdin(Stdio::null())
            .output()
            .await
            .expect("sh runs")
    }

    /// Runs `line`, which must succeed; its stdout.
    async fn ok(&self, line: &str) -> String {
        let output = self.run(line).await;
        assert!(
            output.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("utf-8")
    }

    /// Runs `line`, which must print JSON.
    async fn json(&self, line: &str) -> Value {
        let stdout = self.ok(line).await;
        serde_json::from_str(&stdout).unwrap_or_else(|error| panic!("{line}: {error}: {stdout}"))
    }

    /// Runs `line`, which must fail with exit code `code` and one `error: ...` line on stderr; that line.
    async fn fails(&self, line: &str, code: i32) -> String {
        let output = self.run(line).await;
        let stderr = String::from_utf8(output.stderr).expect("utf-8");
        assert_eq!(output.status.code(), Some(code), "{line}: {stderr}");
        assert!(
            output.stdout.is_empty(),
            "{line} printed {:?}",
            output.stdout
        );
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{line}: one line, got {stderr}");
        assert!(lines[0].starts_with("error: "), "{line}: {stderr}");
        lines[0].to_owned()
    }
}

/// The experiment manager, as the loop's own parts and tests reach it.
struct Manager {
    node: NodeClient,
}

impl Manager {
    async fn connect(nats_url: &str, node_id: &str) -> Manager {
        let nats = shim_node::nats::connect(nats_url, "kaizen test", false, None)
            .await
            .expect("test client connects");
        let manager = Manager {
            node: NodeClient::new(nats, node_id, std::time::Duration::from_secs(10)),
        };
        // The manager is up once it answers.
        let up = wait_until(
            || async {
                manager
                    .node
                    .request_service::<_, ParameterList>(&subject(KaizenOp::Parameters), &())
                    .await
                    .is_ok()
            },
            DEADLINE,
            POLL,
        )
        .await;
        assert!(up, "the experiment manager answers");
        manager
    }

    async fn ask<Req: Serialize, Resp: DeserializeOwned>(
        &self,
        op: KaizenOp,
        request: &Req,
    ) -> Resp {
        self.node
            .request_service(&subject(op), request)
            .await
            .unwrap_or_else(|error| panic!("{op}: {error}"))
    }

    async fn propose(&self, parameter: &str, treatment: f64, source: &str, sd: f64) -> Experiment {
        self.ask(
            KaizenOp::Propose,
            &ProposeRequest {
                parameter: parameter.to_owned(),
                treatment,
                changes: Vec::new(),
                hypothesis: format!(
                    "{parameter} = {treatment} loses fewer tool calls to interruptions"
                ),
                evidence: vec!["test: 1.8 calls lost per session".to_owned()],
                source: source.to_owned(),
                primary: None,
                baseline: Some(1.8),
                baseline_sd: Some(sd),
            },
        )
        .await
    }

    async fn experiment(&self, id: &str) -> Experiment {
        self.ask(
            KaizenOp::Show,
            &shim_protocol::messages::ExperimentIdRequest {
                id: id.to_owned(),
                ..Default::default()
            },
        )
        .await
    }

    /// Assigns `chats` and observes each one's calls lost: about 1.8 under control, about 0.6 under
    /// treatment; the numbers of chats in each variant.
    async fn run_chats(&self, chats: &[String]) -> [u64; 2] {
        let assigned: AssignReply = self
            .ask(
                KaizenOp::Assign,
                &AssignRequest {
                    chat_ids: chats.to_vec(),
                },
            )
            .await;
        let mut counts = [0, 0];
        // A chat runs with every value of each variant it is in.
        for chat in &assigned.chats {
            for assignment in &chat.assignments {
                for (name, value) in &assignment.values {
                    assert_eq!(chat.values.get(name), Some(value), "{chat:?}");
                }
            }
        }
        let observations = assigned
            .chats
            .iter()
            .enumerate()
            .map(|(index, chat)| {
                let variant = chat
                    .assignments
                    .first()
                    .map_or(Variant::Control, |assignment| assignment.variant);
                let (slot, mean) = match variant {
                    Variant::Control => (0, 1.8),
                    Variant::Treatment => (1, 0.6),
                };
                counts[slot] += 1;
                let noise = ((index % 7) as f64 - 3.0) * 0.3;
                Observation {
                    chat_id: chat.chat_id.clone(),
                    metrics: [("calls_lost".to_owned(), mean + noise)].into(),
                }
            })
            .collect();
        let observed: ObserveReply = self
            .ask(KaizenOp::Observe, &ObserveRequest { observations })
            .await;
        assert_eq!(observed.counted, chats.len() as u64);
        counts
    }

    /// Waits until the loop's looks have brought experiment `id` where `done` says.
    async fn wait_for(&self, id: &str, done: impl Fn(&Experiment) -> bool) -> Experiment {
        let reached = wait_until(
            || async { done(&self.experiment(id).await) },
            DEADLINE,
            POLL,
        )
        .await;
        let experiment = self.experiment(id).await;
        assert!(reached, "{experiment:#?}");
        experiment
    }
}

fn subject(op: KaizenOp) -> String {
    KaizenNames::live().subject(op)
}

fn chats(prefix: &str, count: usize) -> Vec<String> {
    (0..count)
        .map(|index| format!("{prefix}-{index}"))
        .collect()
}

fn actions(shown: &Value) -> Vec<&str> {
    shown["audit"]
        .as_array()
        .expect("audit entries")
        .iter()
        .filter_map(|entry| entry["action"].as_str())
        .collect()
}

/// A person proposes, approves and stops an experiment; every command the docs show for it, and the errors
/// a person meets.
#[tokio::test]
async fn an_experiment_is_listed_shown_approved_and_stopped_from_the_command_line() {
    let nats = NatsServer::start();
    let node = TestNode::start(&nats.url()).await;
    let manager = Manager::connect(&nats.url(), node.node_id()).await;
    let shell = Shell::new(&nats.url(), node.node_id());

    assert_eq!(shell.ok(LIST).await, "no experiments\n");
    let proposed = manager
        .propose("checkpoint.every_calls", 3.0, "person:test", 3.0)
        .await;
    assert_eq!(proposed.id, "exp-1");
    assert_eq!(proposed.status, ExperimentStatus::AwaitingApproval);

    let listed = shell.ok(LIST).await;
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    for column in [
        "ID",
        "PARAMETER",
        "CHANGE",
        "STATUS",
        "STAGE",
        "PRIMARY",
        "OBSERVED C/T",
        "REASON",
    ] {
        assert!(lines[0].contains(column), "{listed}");
    }
    for cell in [
        "exp-1",
        "checkpoint.every_calls",
        "5 → 3",
        "awaiting_approval",
        "0%",
        "calls_lost",
        "0/0",
        "a person's proposal waits for a person's approval",
    ] {
        assert!(lines[1].contains(cell), "{cell:?} in {listed}");
    }

    let shown = shell.json(SHOW_JSON).await;
    let plan = evaluate::plan(
        catalogue::metric("calls_lost").expect("metric"),
        1.8,
        Some(3.0),
        &KaizenSettings::default(),
    )
    .expect("plan");
    assert_eq!(shown["id"], "exp-1");
    assert_eq!(shown["parameter"], "checkpoint.every_calls");
    assert_eq!(shown["control"], 5.0);
    assert_eq!(shown["treatment"], 3.0);
    assert_eq!(shown["status"], "awaiting_approval");
    assert_eq!(shown["stage"], 0);
    assert_eq!(shown["source"], "person:test");
    assert_eq!(shown["primary"]["name"], "calls_lost");
    assert_eq!(shown["plan"]["units_per_arm"], plan.units_per_arm);
    assert_eq!(shown["plan"]["canary_units"], plan.canary_units);
    assert_eq!(shown["plan"]["baseline_sd"], 3.0);
    assert_eq!(actions(&shown), ["proposed"]);
    assert_eq!(shown["audit"][0]["by"], "person:test");

    let text = shell.ok("shim-node experiments show exp-1").await;
    for expected in [
        "experiment  exp-1\n",
        "parameter   checkpoint.every_calls: 5 → 3\n",
        "status      awaiting_approval\n",
        "hypothesis  checkpoint.every_calls = 3 loses fewer tool calls to interruptions\n",
        "evidence    - test: 1.8 calls lost per session\n",
        "primary     calls_lost (mean, lower is better)\n",
        "guardrails  interrupted no worse; cost_usd at most 5% worse; latency_ms at most 10% worse\n",
        &format!(
            "plan        {} chats per variant at 50%, after {} treated chats at 10%\n",
            plan.units_per_arm, plan.canary_units
        ),
        "minimum effect 20%, alpha 0.05, power 0.9, baseline 1.8 (sd 3)\n",
        "\naudit\n",
        "proposed  person:test",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }

    assert_eq!(shell.ok(APPROVE).await, format!("{APPROVED}\n"));
    let running = manager.experiment("exp-1").await;
    assert_eq!(running.status, ExperimentStatus::Running);
    assert_eq!(running.stage, 10);
    assert_eq!(running.approved_by.as_deref(), Some("alice"));
    let text = shell.ok("shim-node experiments show exp-1").await;
    assert!(text.contains("status      running at 10%\n"), "{text}");
    assert!(
        text.contains(&format!(
            "progress    0% of the look at 10%: 0 treated chats observed of {}\n",
            plan.canary_units
        )),
        "{text}"
    );
    assert!(text.contains("\nstages\n"), "{text}");

    // Approving it again is refused, with the reason, and changes nothing.
    assert_eq!(
        shell.fails(APPROVE, 1).await,
        "error: exp-1 is running; only awaiting_approval can be approved"
    );

    assert_eq!(shell.ok(STOP).await, format!("{STOPPED}\n"));
    let shown = shell.json(SHOW_JSON).await;
    assert_eq!(shown["status"], "stopped");
    assert_eq!(shown["stage"], 0);
    assert_eq!(
        actions(&shown),
        ["proposed", "approved", "started", "stopped"]
    );
    assert_eq!(shown["audit"][1]["by"], "alice");
    assert_eq!(
        shown["audit"][3]["reason"],
        "stopped by alice: the 10% stage is enough for now"
    );

    // `--by` names someone else, and `--json` prints the experiment.
    let second = manager
        .propose("checkpoint.every_minutes", 5.0, "person:test", 3.0)
        .await;
    assert_eq!(second.id, "exp-2");
    let stopped = shell
        .json("shim-node experiments stop exp-2 --by bob --json")
        .await;
    assert_eq!(stopped["status"], "stopped");
    assert_eq!(stopped["reason"], "stopped by bob: no reason given");

    // What a person gets wrong: an unknown id, a state that does not allow it, a malformed id.
    for line in [
        "shim-node experiments show exp-9",
        "shim-node experiments approve exp-9",
        "shim-node experiments stop exp-9",
        "shim-node improvements revert exp-9",
    ] {
        assert_eq!(
            shell.fails(line, 1).await,
            "error: experiment exp-9 does not exist; `shim-node experiments list` lists the experiments",
            "{line}"
        );
    }
    assert_eq!(
        shell.fails("shim-node experiments stop exp-1", 1).await,
        "error: exp-1 is stopped; only awaiting_approval or running can be stopped"
    );
    assert_eq!(
        shell.fails("shim-node improvements revert exp-1", 1).await,
        "error: exp-1 is stopped; only shipped can be reverted"
    );
    assert!(
        shell
            .fails("shim-node improvements show exp-1", 1)
            .await
            .starts_with("error: exp-1 is not an improvement: it is stopped"),
    );
    assert!(
        shell
            .fails("shim-node experiments show 'exp.1'", 1)
            .await
            .contains("experiment id"),
    );

    assert_eq!(
        shell.json("shim-node improvements list --json").await,
        json!({"experiments": [], "truncated": false})
    );
    assert_eq!(
        shell.ok(IMPROVEMENTS).await,
        "no improvements yet: no experiment has shipped\n"
    );

    let parameters = shell.json(PARAMETERS_JSON).await;
    let every_calls = parameters["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|parameter| parameter["name"] == "checkpoint.every_calls")
        .expect("checkpoint.every_calls is listed");
    assert_eq!(every_calls["value"], 5.0);
    assert_eq!(every_calls["default"], 5.0);
    assert_eq!(every_calls["bounds"], json!([2.0, 20.0]));
    assert_eq!(every_calls["approval"], "autoApprove");
    assert_eq!(every_calls["version"], 0);
    assert_eq!(every_calls["improvement_id"], Value::Null);
    assert_eq!(
        parameters["parameters"].as_array().map(Vec::len),
        Some(catalogue::PARAMETERS.len())
    );
    let table = shell.ok("shim-node experiments parameters").await;
    assert!(
        table
            .lines()
            .any(|line| line.starts_with("checkpoint.every_calls") && line.contains("[2, 20]")),
        "{table}"
    );

    let listed = shell.json("shim-node experiments list --json").await;
    let statuses: Vec<&str> = listed["experiments"]
        .as_array()
        .expect("experiments")
        .iter()
        .filter_map(|experiment| experiment["status"].as_str())
        .collect();
    assert_eq!(statuses, ["stopped", "stopped"]);
    node.stop().await;
}

/// An experiment runs its stages on chats assigned and observed over NATS, the node's loop looking every
/// second, ships, is listed and reported as an improvement with its effect, and is reverted.
#[tokio::test]
async fn an_improvement_ships_is_reported_and_is_reverted() {
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.kaizen.look_every_s = 1;
    // Plans small enough for a test: a 50% change of calls lost, which the chats below show.
    config.kaizen.minimum_effect = 0.5;
    let node = TestNode::start_with(config, data_dir).await;
    let manager = Manager::connect(&nats.url(), node.node_id()).await;
    let shell = Shell::new(&nats.url(), node.node_id());

    let proposed = manager
        .propose("checkpoint.every_minutes", 5.0, "person:test", 1.0)
        .await;
    assert_eq!(proposed.id, "exp-1");
    assert_eq!(proposed.control, 10.0);
    shell.ok(APPROVE).await;

    // The 10% stage: enough chats for its look, about one in ten treated.
    let canary = proposed.plan.canary_units;
    let mut treated = 0;
    let mut batch = 0;
    while treated < canary {
        treated += manager.run_chats(&chats(&format!("c{batch}"), 200)).await[1];
        batch += 1;
    }
    let advanced = manager
        .wait_for("exp-1", |experiment| experiment.stage != 10)
        .await;
    assert_eq!(advanced.stage, 50, "{advanced:#?}");

    // The 50% stage: the plan's chats per variant, and some.
    let per_arm = proposed.plan.units_per_arm;
    let counts = manager
        .run_chats(&chats("h", (per_arm as usize + 20) * 2))
        .await;
    assert!(counts[0].min(counts[1]) >= per_arm, "{counts:?}");
    let shipped = manager
        .wait_for("exp-1", |experiment| {
            experiment.status != ExperimentStatus::Running
        })
        .await;
    assert_eq!(shipped.status, ExperimentStatus::Shipped, "{shipped:#?}");

    let listed = shell.ok(IMPROVEMENTS).await;
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    let effect = shipped.effect.clone().expect("an effect");
    let [low, high] = effect.lift_ci95.expect("a lift interval");
    for cell in [
        "exp-1".to_owned(),
        "checkpoint.every_minutes".to_owned(),
        "10 → 5".to_owned(),
        format!(
            "calls_lost {:+.1}% (95% CI {:+.1}% to {:+.1}%), p = {:.1e}",
            effect.relative_lift.expect("a lift") * 100.0,
            low * 100.0,
            high * 100.0,
            effect.p_value
        ),
        "shipped".to_owned(),
    ] {
        assert!(lines[1].contains(&cell), "{cell:?} in {listed}");
    }
    assert!(high < 0.0, "fewer calls lost: {effect:?}");
    assert!(effect.p_value < 1e-4, "{effect:?}");
    let improvements = shell.json("shim-node improvements list --json").await;
    assert_eq!(improvements["experiments"][0]["id"], "exp-1");
    assert_eq!(improvements["experiments"][0]["status"], "shipped");

    let text = shell.ok(IMPROVEMENT).await;
    for expected in [
        "status      shipped at 100%\n",
        "\nstages\n",
        "\nlooks\n",
        "advance to 50%",
        "ship: calls_lost better",
        "lift ",
        "p-value ",
        "shipped   loop",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
    let parameters = shell.json(PARAMETERS_JSON).await;
    let every_minutes = parameters["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|parameter| parameter["name"] == "checkpoint.every_minutes")
        .expect("listed")
        .clone();
    assert_eq!(every_minutes["value"], 5.0);
    assert_eq!(every_minutes["improvement_id"], "exp-1");

    // Two more for the report: one the loop starts by itself, one outside the bounds.
    let running = manager
        .propose("checkpoint.every_calls", 4.0, "detector:test", 3.0)
        .await;
    assert_eq!(running.status, ExperimentStatus::Running);
    let refused = manager
        .propose("risk.messages_warning", 500.0, "detector:test", 3.0)
        .await;
    assert_eq!(refused.status, ExperimentStatus::Refused);

    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("mcp.log")).await;
    let result = mcp.call_tool("shim_improvement_report", json!({})).await;
    assert_ne!(result["isError"], json!(true), "{result}");
    let report = &result["structuredContent"];
    assert_eq!(report["since_days"], 30.0);
    assert_eq!(report["shipped"][0]["id"], "exp-1");
    assert_eq!(report["shipped"][0]["status"], "shipped");
    assert_eq!(report["shipped"][0]["from"], 10.0);
    assert_eq!(report["shipped"][0]["to"], 5.0);
    assert_eq!(
        report["shipped"][0]["effect"]["lift_ci95"],
        json!([low, high])
    );
    assert!(
        report["shipped"][0]["effect_line"]
            .as_str()
            .is_some_and(|line| line.starts_with("calls_lost: ")),
        "{report}"
    );
    assert_eq!(report["running"][0]["id"], running.id);
    assert_eq!(report["running"][0]["stage"], 10);
    assert!(
        report["running"][0]["toward"]
            .as_str()
            .is_some_and(|toward| toward.starts_with("the look at 10%"))
    );
    assert_eq!(report["refused"][0]["id"], refused.id);
    assert!(
        report["refused"][0]["reason"]
            .as_str()
            .is_some_and(|reason| reason.contains("outside its safety bounds")),
        "{report}"
    );
    let in_force = report["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .find(|parameter| parameter["name"] == "checkpoint.every_minutes")
        .expect("listed")
        .clone();
    assert_eq!(
        in_force,
        json!({"name": "checkpoint.every_minutes", "value": 5.0, "default": 10.0, "improvement_id": "exp-1"})
    );
    assert!(
        report["summary"].as_str().is_some_and(
            |summary| summary.starts_with("in the last 30 days: 1 improvement(s) shipped")
        ),
        "{report}"
    );
    let refused_period = mcp
        .call_tool("shim_improvement_report", json!({"since_days": 0}))
        .await;
    assert_eq!(refused_period["isError"], json!(true), "{refused_period}");

    assert_eq!(shell.ok(REVERT).await, format!("{REVERTED}\n"));
    let shown = shell.json("shim-node improvements show exp-1 --json").await;
    assert_eq!(shown["status"], "reverted");
    assert_eq!(
        actions(&shown),
        [
            "proposed", "approved", "started", "advanced", "shipped", "reverted"
        ]
    );
    let parameters: ParameterList = manager.ask(KaizenOp::Parameters, &()).await;
    let every_minutes = parameters
        .parameters
        .iter()
        .find(|parameter| parameter.name == "checkpoint.every_minutes")
        .expect("listed");
    assert_eq!(every_minutes.value, 10.0);
    assert_eq!(every_minutes.improvement_id, None);
    // Reverted once, it cannot be again; the report keeps it, marked.
    assert_eq!(
        shell.fails(REVERT, 1).await,
        "error: exp-1 is reverted; only shipped can be reverted"
    );
    let result = mcp
        .call_tool("shim_improvement_report", json!({"since_days": 1}))
        .await;
    assert_eq!(
        result["structuredContent"]["shipped"][0]["status"],
        "reverted"
    );
    assert!(mcp.close().await);
    node.stop().await;
}

/// A `nats-server` without JetStream, killed on drop.
struct PlainNats {
    child: Child,
    url: String,
}

impl PlainNats {
    fn start() -> PlainNats {
        let port = shim_tests::free_port();
        let child = StdCommand::new(shim_tests::nats_server::program())
            .args(["-a", "127.0.0.1", "-p", &port.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nats-server starts");
        let deadline = std::time::Instant::now() + DEADLINE;
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(std::time::Instant::now() < deadline, "nats-server listens");
            std::thread::sleep(POLL);
        }
        PlainNats {
            child,
            url: format!("nats://127.0.0.1:{port}"),
        }
    }
}

impl Drop for PlainNats {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Without JetStream the node runs without the loop, and the commands say so (exit 1); with no node at all
/// they say that (exit 3), and so does the MCP tool.
#[tokio::test]
async fn the_commands_say_when_the_loop_is_off_or_no_node_runs() {
    let plain = PlainNats::start();
    let node = TestNode::start(&plain.url).await;
    let shell = Shell::new(&plain.url, node.node_id());
    for line in [LIST, IMPROVEMENTS, APPROVE, PARAMETERS_JSON] {
        let error = shell.fails(line, 1).await;
        assert!(
            error.starts_with(&format!(
                "error: the Kaizen loop is off: shim-node {} runs, but no node serves experiments",
                node.node_id()
            )) && error.contains("JetStream"),
            "{line}: {error}"
        );
    }
    let logs = tempfile::tempdir().expect("temp dir");
    let mut mcp = node.mcp(EXE, &logs.path().join("mcp.log")).await;
    let result = mcp.call_tool("shim_improvement_report", json!({})).await;
    assert_eq!(result["isError"], json!(true), "{result}");
    assert!(
        result["content"][0]["text"]
            .as_str()
            .is_some_and(|text| text.contains("the Kaizen loop is off")),
        "{result}"
    );
    assert!(mcp.close().await);
    node.stop().await;

    // NATS with no node on it, then no NATS.
    let error = shell.fails(LIST, 3).await;
    assert!(
        error.contains("no shim-node answers") && error.contains("shim-node run"),
        "{error}"
    );
    drop(plain);
    let error = shell.fails(LIST, 3).await;
    assert!(error.contains("cannot reach NATS"), "{error}");
}

/// A change across components from the command line, exactly as docs/kaizen.md shows it: proposed with two
/// `--set`, shown with both parameters, approved, shipped (both values in one version of the parameter store),
/// and reverted (both back), every audit entry naming both.
#[tokio::test]
async fn a_change_across_components_is_proposed_shipped_and_reverted_from_the_command_line() {
    const EVERY_CALLS: &str = "checkpoint.every_calls";
    const WARNING: &str = "risk.calls_since_checkpoint_warning";
    let nats = NatsServer::start();
    let (mut config, data_dir) = TestNode::config(&nats.url());
    config.kaizen.look_every_s = 1;
    // Plans small enough for a test: a 50% change of calls lost, which the chats below show.
    config.kaizen.minimum_effect = 0.5;
    let node = TestNode::start_with(config, data_dir).await;
    let manager = Manager::connect(&nats.url(), node.node_id()).await;
    let shell = Shell::new(&nats.url(), node.node_id());

    assert_eq!(
        shell.ok(PROPOSE_ACROSS).await,
        format!("{PROPOSED_ACROSS}\n")
    );
    let text = shell.ok(SHOW_ACROSS).await;
    assert!(text.starts_with(SHOWN_ACROSS), "{text}");
    let listed = shell.ok(LIST).await;
    for cell in [
        "checkpoint.every_calls + risk.calls_since_checkpoint_warning",
        "5 → 3, 10 → 7",
    ] {
        assert!(listed.contains(cell), "{cell:?} in {listed}");
    }
    // What a person gets wrong is a usage error, and nothing is proposed.
    let error = shell
        .fails(
            "shim-node experiments propose --set checkpoint.every_calls --baseline 1 --reason x",
            2,
        )
        .await;
    assert!(error.contains("NAME=VALUE"), "{error}");
    let error = shell
        .fails(
            "shim-node experiments propose --set checkpoint.every_calls=3 --baseline 1.8 --reason x",
            2,
        )
        .await;
    assert!(error.contains("--baseline-sd"), "{error}");
    // A variant refused by the safety settings fails with the reason (and is kept, refused).
    let refused = shell
        .fails(
            "shim-node experiments propose --set risk.context_warning=0.7 --set risk.context_danger=0.65 \
             --baseline 1.8 --baseline-sd 2.5 --reason x",
            1,
        )
        .await;
    assert!(
        refused
            .contains("risk.context_warning = 0.7 would not be below risk.context_danger = 0.65"),
        "{refused}"
    );

    assert_eq!(shell.ok(APPROVE).await, format!("{APPROVED}\n"));
    let proposed = manager.experiment("exp-1").await;
    let canary = proposed.plan.canary_units;
    let mut treated = 0;
    let mut batch = 0;
    while treated < canary {
        treated += manager.run_chats(&chats(&format!("x{batch}"), 200)).await[1];
        batch += 1;
    }
    let advanced = manager
        .wait_for("exp-1", |experiment| experiment.stage != 10)
        .await;
    assert_eq!(advanced.stage, 50, "{advanced:#?}");
    let per_arm = proposed.plan.units_per_arm;
    manager
        .run_chats(&chats("y", (per_arm as usize + 20) * 2))
        .await;
    let shipped = manager
        .wait_for("exp-1", |experiment| {
            experiment.status != ExperimentStatus::Running
        })
        .await;
    assert_eq!(shipped.status, ExperimentStatus::Shipped, "{shipped:#?}");

    // Both values, set by exp-1 in the same version of the parameter store.
    let parameters = shell.json(PARAMETERS_JSON).await;
    let find = |name: &str| {
        parameters["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .find(|parameter| parameter["name"] == name)
            .cloned()
            .expect("listed")
    };
    let (every_calls, warning) = (find(EVERY_CALLS), find(WARNING));
    assert_eq!(
        (every_calls["value"].clone(), warning["value"].clone()),
        (json!(3.0), json!(7.0))
    );
    assert_eq!(every_calls["improvement_id"], "exp-1");
    assert_eq!(warning["improvement_id"], "exp-1");
    assert_eq!(every_calls["version"], warning["version"]);
    assert_eq!(parameters["version"], every_calls["version"]);
    let improvements = shell.ok(IMPROVEMENTS).await;
    assert!(
        improvements.contains("checkpoint.every_calls + risk.calls_since_checkpoint_warning"),
        "{improvements}"
    );

    assert_eq!(
        shell.ok(REVERT_ACROSS).await,
        format!("{REVERTED_ACROSS}\n")
    );
    let parameters = shell.json(PARAMETERS_JSON).await;
    let values: Vec<(String, Value, Value)> = parameters["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .filter(|parameter| parameter["name"] == EVERY_CALLS || parameter["name"] == WARNING)
        .map(|parameter| {
            (
                parameter["name"].as_str().unwrap_or_default().to_owned(),
                parameter["value"].clone(),
                parameter["improvement_id"].clone(),
            )
        })
        .collect();
    assert_eq!(
        values,
        [
            (EVERY_CALLS.to_owned(), json!(5.0), Value::Null),
            (WARNING.to_owned(), json!(10.0), Value::Null)
        ]
    );
    let shown = shell.json(SHOW_JSON).await;
    assert_eq!(
        actions(&shown),
        [
            "proposed", "approved", "started", "advanced", "shipped", "reverted"
        ]
    );
    for entry in shown["audit"].as_array().expect("audit") {
        assert_eq!(
            entry["changes"],
            json!([
                {"parameter": EVERY_CALLS, "control": 5.0, "treatment": 3.0},
                {"parameter": WARNING, "control": 10.0, "treatment": 7.0}
            ]),
            "{entry}"
        );
    }
    let reverted = &shown["audit"][5];
    let evidence = reverted["evidence"].to_string();
    for line in [
        "checkpoint.every_calls back to 5",
        "risk.calls_since_checkpoint_warning back to 10",
    ] {
        assert!(evidence.contains(line), "{evidence}");
    }
    node.stop().await;
}

/// docs/kaizen.md shows the commands run above, and the output they print; docs/operations.md lists them.
#[test]
fn the_docs_show_the_commands_as_the_tests_run_them() {
    let root = shim_tests::repo_root();
    let kaizen = std::fs::read_to_string(root.join("docs/kaizen.md")).expect("docs/kaizen.md");
    let operations =
        std::fs::read_to_string(root.join("docs/operations.md")).expect("docs/operations.md");
    let run = [
        LIST,
        SHOW_JSON,
        APPROVE,
        STOP,
        PARAMETERS_JSON,
        IMPROVEMENTS,
        IMPROVEMENT,
        REVERT,
        PROPOSE_ACROSS,
        SHOW_ACROSS,
        APPROVE,
        REVERT_ACROSS,
    ];
    let shown: Vec<&str> = kaizen
        .lines()
        .filter(|line| {
            line.starts_with("shim-node experiments") || line.starts_with("shim-node improvements")
        })
        .collect();
    assert_eq!(
        shown, run,
        "docs/kaizen.md shows these commands, in this order"
    );
    assert!(
        kaizen.contains(&format!("```text\n{SHOWN_ACROSS}```")),
        "docs/kaizen.md shows the start of `{SHOW_ACROSS}`"
    );
    for printed in [
        APPROVED,
        STOPPED,
        REVERTED,
        PROPOSED_ACROSS,
        REVERTED_ACROSS,
    ] {
        for line in printed.lines() {
            assert!(
                kaizen.contains(&format!("# {line}\n")),
                "docs/kaizen.md does not show {line:?}"
            );
        }
    }
    for command in [
        "experiments propose --set NAME=VALUE",
        "experiments list",
        "experiments show ID",
        "experiments approve ID",
        "experiments stop ID",
        "experiments parameters",
        "improvements list",
        "improvements show ID",
        "improvements revert ID",
    ] {
        for (name, text) in [
            ("docs/kaizen.md", &kaizen),
            ("docs/operations.md", &operations),
        ] {
            assert!(
                text.contains(&format!("| `shim-node {command}")),
                "{name} does not list `shim-node {command}`"
            );
        }
    }
    assert!(kaizen.contains("| `shim_improvement_report` |"));
}

/// docs/kaizen.md's table of metrics is the catalogue's: every metric with its kind and good direction, and no
/// other.
#[test]
fn the_docs_list_every_metric_of_the_catalogue() {
    use shim_protocol::messages::{Better, MetricKind};
    let kaizen = std::fs::read_to_string(shim_tests::repo_root().join("docs/kaizen.md"))
        .expect("docs/kaizen.md");
    let rows: Vec<&str> = kaizen
        .lines()
        .skip_while(|line| !line.starts_with("| metric | kind | better |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), catalogue::METRICS.len(), "{rows:#?}");
    for metric in catalogue::METRICS {
        let kind = match metric.kind {
            MetricKind::Mean => "mean",
            MetricKind::Proportion => "rate",
        };
        let better = match metric.better {
            Better::Lower => "lower",
            Better::Higher => "higher",
        };
        let row = format!("| `{}` | {kind} | {better} |", metric.name);
        assert!(
            rows.iter().any(|line| line.starts_with(&row)),
            "docs/kaizen.md does not list {row}"
        );
    }
}

/// docs/kaizen.md's table of parameters is the catalogue's, row for row: name, kind of change, built-in
/// default, allowed range and the metric an experiment on it is judged by.
#[test]
fn the_docs_list_every_parameter_of_the_catalogue() {
    let kaizen = std::fs::read_to_string(shim_tests::repo_root().join("docs/kaizen.md"))
        .expect("docs/kaizen.md");
    let rows: Vec<Vec<&str>> = kaizen
        .lines()
        .skip_while(|line| !line.starts_with("| parameter | kind of change |"))
        .skip(2)
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().trim_matches('`'))
                .collect()
        })
        .collect();
    let number = |cell: &str| cell.parse::<f64>().unwrap_or_else(|_| panic!("{cell:?}"));
    assert_eq!(rows.len(), catalogue::PARAMETERS.len(), "{rows:#?}");
    for (row, spec) in rows.iter().zip(catalogue::PARAMETERS) {
        assert_eq!(row[0], spec.name);
        assert_eq!(row[1], spec.kind.as_str(), "{}", spec.name);
        let default = catalogue::default_value(spec.name).expect("a default");
        assert!((number(row[2]) - default).abs() < 1e-9, "{row:?}");
        let (low, high) = row[3].split_once(" to ").expect("a range");
        assert_eq!([number(low), number(high)], spec.bounds, "{}", spec.name);
        assert_eq!(row[4], spec.primary, "{}", spec.name);
    }
}
