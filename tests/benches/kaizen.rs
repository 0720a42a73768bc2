//! The Kaizen loop over many seeds: how often it ships the better setting, refuses the out-of-bounds one,
//! rolls back the regressing one and ships nothing in an A/A run, the power of a true 20% effect at the
//! planned sample size, and what a run costs.
//!
//! Run: `cargo bench -p shim-tests --bench kaizen` (optionally `-- --seeds 200 --parallel 4`). Each run is
//! `shim-node simulate kaizen` in this process: the real experiment manager and its JetStream store under a
//! simulation's own names, on one real nats-server shared by the runs.

use std::time::Instant;

use futures::StreamExt;
use shim_node::kaizen::simulate::{self, Scenario, SimOptions, SimReport};
use shim_tests::NatsServer;

struct Options {
    seeds: u64,
    parallel: usize,
}

fn options() -> Options {
    let mut options = Options {
        seeds: 200,
        parallel: 4,
    };
    let args: Vec<String> = std::env::args().collect();
    for pair in args.windows(2) {
        let value = pair[1].parse::<u64>().ok();
        match (pair[0].as_str(), value) {
            ("--seeds", Some(value)) => options.seeds = value.max(1),
            ("--parallel", Some(value)) => options.parallel = value.max(1) as usize,
            _ => {}
        }
    }
    options
}

async fn runs(
    client: &async_nats::Client,
    scenario: Scenario,
    effect: Option<f64>,
    options: &Options,
) -> (Vec<SimReport>, f64) {
    let started = Instant::now();
    let reports: Vec<SimReport> = futures::stream::iter(1..=options.seeds)
        .map(|seed| {
            let mut run = SimOptions::new(scenario, seed);
            if let Some(effect) = effect {
                run.effect = effect;
            }
            async move {
                simulate::run(client, &run)
                    .await
                    .unwrap_or_else(|error| panic!("{scenario:?} seed {seed}: {error:#}"))
            }
        })
        .buffer_unordered(options.parallel)
        .collect()
        .await;
    (reports, started.elapsed().as_secs_f64())
}

fn share(count: usize, of: usize) -> String {
    format!("{count}/{of} ({:.1}%)", 100.0 * count as f64 / of as f64)
}

#[tokio::main]
async fn main() {
    let options = options();
    let server = NatsServer::start();
    let client = async_nats::connect(server.url()).await.expect("connects");
    println!(
        "Kaizen loop over {} seeds per scenario, {} runs at once",
        options.seeds, options.parallel
    );
    println!("| scenario | what happened | runs | sessions per run (mean) | wall time per run |");
    println!("|---|---|---|---|---|");
    for (scenario, effect, label) in [
        (Scenario::Better, None, "better (true effect 25%)"),
        (
            Scenario::Better,
            Some(0.20),
            "better (true effect 20%: power)",
        ),
        (Scenario::OutOfBounds, None, "out-of-bounds"),
        (Scenario::Regression, None, "regression"),
        (Scenario::Aa, None, "aa"),
    ] {
        let (reports, seconds) = runs(&client, scenario, effect, &options).await;
        let count = reports.len();
        let shipped = reports
            .iter()
            .filter(|report| !report.shipped.is_empty())
            .count();
        let rolled_back = reports
            .iter()
            .filter(|report| !report.rolled_back.is_empty())
            .count();
        let refused = reports
            .iter()
            .filter(|report| !report.refused.is_empty())
            .count();
        let what = match scenario {
            Scenario::Better | Scenario::Aa => format!(
                "shipped {}, rolled back {}",
                share(shipped, count),
                share(rolled_back, count)
            ),
            Scenario::OutOfBounds => format!(
                "refused {}, ran {}",
                share(refused, count),
                share(
                    reports
                        .iter()
                        .filter(|report| report.sessions > 400)
                        .count(),
                    count
                )
            ),
            Scenario::Regression => format!(
                "rolled back {} (before 100%: {}), shipped {}",
                share(rolled_back, count),
                share(
                    reports
                        .iter()
                        .filter(|report| {
                            !report.rolled_back.is_empty()
                                && report
                                    .experiments
                                    .iter()
                                    .all(|experiment| experiment.stage < 100)
                        })
                        .count(),
                    count
                ),
                share(shipped, count)
            ),
        };
        let sessions =
            reports.iter().map(|report| report.sessions).sum::<u64>() as f64 / count as f64;
        println!(
            "| {label} | {what} | {count} | {sessions:.0} | {:.2} s |",
            seconds * options.parallel as f64 / count as f64
        );
    }
}
