//! `shim-node stats compare` as a user runs it: the real binary on files written here gives the values scipy
//! and statsmodels give for the same data (tests/data/stats/reference.json), refuses bad input with an error
//! naming the line and the documented exit code, and the command lines in docs/kaizen.md, README.md and
//! docs/operations.md print, through `sh -c`, exactly the output the docs show.

use std::{
    io::Write as _,
    path::Path,
    process::{Command, Output, Stdio},
};

use serde_json::Value;

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");
const RELATIVE: f64 = 1e-9;

fn reference() -> Value {
    let path = shim_tests::repo_root().join("tests/data/stats/reference.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture readable"))
        .expect("fixture is JSON")
}

/// Runs `shim-node ARGS` in `dir`, with a config directory of its own and stdin closed.
fn shim(dir: &Path, args: &[&str]) -> Output {
    Command::new(EXE)
        .args(args)
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir)
        .env_remove("SHIM_CONFIG")
        .env_remove("SHIM_LOG")
        .stdin(Stdio::null())
        .output()
        .expect("shim-node runs")
}

fn json_of(output: &Output) -> Value {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

fn number(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("{value} is a number"))
}

fn close(what: &str, actual: &Value, expected: &Value) {
    let (actual, expected) = (number(actual), number(expected));
    let scale = expected.abs().max(1e-300);
    assert!(
        (actual - expected).abs() <= RELATIVE * scale,
        "{what}: {actual} against the reference {expected}"
    );
}

/// Writes the lines `{"variant": ..., "value": ...}` for both variants, interleaved.
fn write_lines(path: &Path, control: &[f64], treatment: &[f64]) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("create"));
    for index in 0..control.len().max(treatment.len()) {
        for (variant, values) in [("control", control), ("treatment", treatment)] {
            if let Some(value) = values.get(index) {
                writeln!(file, r#"{{"variant": "{variant}", "value": {value:?}}}"#).expect("write");
            }
        }
    }
    file.flush().expect("flush");
}

/// `successes` ones then zeros, `n` values in all.
fn ones_then_zeros(successes: u64, n: u64) -> Vec<f64> {
    (0..n)
        .map(|index| if index < successes { 1.0 } else { 0.0 })
        .collect()
}

fn check_against(name: &str, output: &Value, case: &Value) {
    for field in ["difference", "p_value", "statistic"] {
        close(&format!("{name} {field}"), &output[field], &case[field]);
    }
    for index in 0..2 {
        close(
            &format!("{name} ci95"),
            &output["ci95"][index],
            &case["ci95"][index],
        );
    }
    match case.get("relative_lift") {
        Some(lift) => {
            close(&format!("{name} lift"), &output["relative_lift"], lift);
            for index in 0..2 {
                close(
                    &format!("{name} lift ci"),
                    &output["relative_lift_ci95"][index],
                    &case["relative_lift_ci95"][index],
                );
            }
        }
        None => {
            assert_eq!(output["relative_lift"], Value::Null, "{name}");
            assert_eq!(output["relative_lift_ci95"], Value::Null, "{name}");
        }
    }
}

#[test]
fn means_match_scipy() {
    let dir = tempfile::tempdir().expect("temp dir");
    for case in reference()["means"].as_array().expect("means") {
        let name = case["name"].as_str().expect("name");
        let values = |key: &str| -> Vec<f64> {
            case[key]
                .as_array()
                .expect("values")
                .iter()
                .map(number)
                .collect()
        };
        let (control, treatment) = (values("control"), values("treatment"));
        let path = dir.path().join(format!("{name}.jsonl"));
        write_lines(&path, &control, &treatment);
        let output = json_of(&shim(
            dir.path(),
            &["stats", "compare", path.to_str().expect("utf-8"), "--json"],
        ));
        assert_eq!(output["test"], "welch_t", "{name}: values not all 0/1");
        for (variant, values) in [("control", &control), ("treatment", &treatment)] {
            assert_eq!(output[variant]["n"], values.len(), "{name}");
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            close(
                &format!("{name} {variant} mean"),
                &output[variant]["mean"],
                &Value::from(mean),
            );
        }
        close(&format!("{name} df"), &output["df"], &case["df"]);
        check_against(name, &output, case);
    }
}

#[test]
fn proportions_match_statsmodels() {
    let dir = tempfile::tempdir().expect("temp dir");
    for case in reference()["proportions"].as_array().expect("proportions") {
        let name = case["name"].as_str().expect("name");
        let arm = |key: &str| {
            let count = |field: &str| case[key][field].as_u64().expect("count");
            ones_then_zeros(count("successes"), count("n"))
        };
        let path = dir.path().join(format!("{name}.jsonl"));
        write_lines(&path, &arm("control"), &arm("treatment"));
        let output = json_of(&shim(
            dir.path(),
            &["stats", "compare", path.to_str().expect("utf-8"), "--json"],
        ));
        assert_eq!(
            output["test"], "two_proportion_z",
            "{name}: all 0/1 means rates"
        );
        assert_eq!(output["df"], Value::Null);
        assert_eq!(output["control"]["n"], case["control"]["n"], "{name}");
        check_against(name, &output, case);
    }
    // --kind mean forces Welch on 0/1 values.
    let path = dir.path().join("typical.jsonl");
    let output = json_of(&shim(
        dir.path(),
        &[
            "stats",
            "compare",
            path.to_str().expect("utf-8"),
            "--kind",
            "mean",
            "--json",
        ],
    ));
    assert_eq!(output["test"], "welch_t");
}

#[test]
fn sample_ratio_matches_scipy_and_flags_a_broken_split() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut flagged_seen = [false, false];
    for case in reference()["srm"].as_array().expect("srm") {
        let observed: Vec<u64> = case["observed"]
            .as_array()
            .expect("counts")
            .iter()
            .map(|count| count.as_u64().expect("count"))
            .collect();
        // Two variants, each with both outcomes so the comparison itself is defined.
        if observed.len() != 2 || observed.iter().any(|&count| count < 2) {
            continue;
        }
        let split = case["split"]
            .as_array()
            .expect("split")
            .iter()
            .map(|weight| weight.to_string())
            .collect::<Vec<_>>()
            .join("/");
        let path = dir.path().join(format!("srm-{}.jsonl", observed[0]));
        write_lines(
            &path,
            &ones_then_zeros(observed[0] / 2, observed[0]),
            &ones_then_zeros(observed[1] / 2, observed[1]),
        );
        let output = json_of(&shim(
            dir.path(),
            &[
                "stats",
                "compare",
                path.to_str().expect("utf-8"),
                "--split",
                &split,
                "--json",
            ],
        ));
        close("srm p", &output["srm_p_value"], &case["p_value"]);
        let flagged = number(&case["p_value"]) < 0.001;
        assert_eq!(output["srm_flagged"], flagged, "{observed:?} at {split}");
        assert_eq!(output["split"], split.as_str());
        flagged_seen[usize::from(flagged)] = true;
    }
    assert_eq!(flagged_seen, [true, true], "both outcomes are exercised");
}

#[test]
fn bad_input_names_the_line_and_exits_as_documented() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = r#"{"variant": "control", "value": 1.5}
{"variant": "treatment", "value": 2.5}
"#;
    let cases: &[(&str, String, &[&str], i32, &str)] = &[
        (
            "unknown variant",
            format!("{good}{{\"variant\": \"variant_b\", \"value\": 1}}\n"),
            &[],
            1,
            "line 3: unknown variant `variant_b`",
        ),
        (
            "not a number",
            format!("{good}{{\"variant\": \"control\", \"value\": \"fast\"}}\n"),
            &[],
            1,
            "line 3: invalid type: string",
        ),
        (
            "too large a number",
            format!("{good}{{\"variant\": \"control\", \"value\": 1e999}}\n"),
            &[],
            1,
            "line 3: number out of range",
        ),
        (
            "a number whose square overflows",
            format!("{good}{{\"variant\": \"control\", \"value\": -1e300}}\n"),
            &[],
            1,
            "line 3: a value is -1e300; it must be at most 1e150 in magnitude",
        ),
        (
            "no value",
            format!("{good}\n{{\"variant\": \"control\"}}\n"),
            &[],
            1,
            "line 4: missing field `value`",
        ),
        (
            "a misspelt field",
            format!("{{\"variant\": \"control\", \"valeu\": 1}}\n{good}"),
            &[],
            1,
            "line 1: unknown field `valeu`",
        ),
        (
            "not JSON",
            format!("{good}control,1\n"),
            &[],
            1,
            "line 3: expected value",
        ),
        (
            "not 0/1 for --kind proportion",
            "{\"variant\": \"control\", \"value\": 1}\n{\"variant\": \"treatment\", \"value\": 0.5}\n"
                .to_owned(),
            &["--kind", "proportion"],
            1,
            "line 2: value 0.5 is not 0 or 1",
        ),
        (
            "one variant only",
            "{\"variant\": \"control\", \"value\": 1}\n{\"variant\": \"control\", \"value\": 2}\n"
                .to_owned(),
            &[],
            1,
            "the treatment variant has 0 observations",
        ),
        (
            "an empty file",
            String::new(),
            &[],
            1,
            "the control variant has 0 observations",
        ),
        (
            "zero variance in both",
            format!("{good}{good}"),
            &[],
            1,
            "both variants have zero variance",
        ),
        (
            "rates all 1 in both",
            "{\"variant\": \"control\", \"value\": 1}\n{\"variant\": \"treatment\", \"value\": 1}\n"
                .to_owned(),
            &[],
            1,
            "with rates of only 0 or 1 there is no variance",
        ),
        (
            "a split that is one number",
            good.to_owned(),
            &["--split", "50"],
            2,
            "--split must be two positive numbers",
        ),
        (
            "a split with a zero",
            good.to_owned(),
            &["--split", "0/100"],
            2,
            "--split must be two positive numbers",
        ),
        (
            "an unknown kind",
            good.to_owned(),
            &["--kind", "median"],
            2,
            "invalid value 'median'",
        ),
    ];
    for (what, content, extra, code, expected) in cases {
        let path = dir.path().join("input.jsonl");
        std::fs::write(&path, content).expect("write");
        let output = shim(
            dir.path(),
            &[&["stats", "compare", "input.jsonl"], &extra[..]].concat(),
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(*code), "{what}: {stderr}");
        assert!(stderr.contains(expected), "{what}: {stderr}");
        assert!(!stderr.contains("panicked"), "{what}: {stderr}");
        assert!(output.stdout.is_empty(), "{what}: nothing on stdout");
    }

    let missing = shim(dir.path(), &["stats", "compare", "missing.jsonl"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot open missing.jsonl"));

    // A line of more than 1 MiB is refused, naming it; one of exactly 1 MiB is read.
    let padded = |length: usize| {
        let head = r#"{"variant": "treatment", "value": 3.5}"#;
        format!("{head}{}\n", " ".repeat(length - head.len()))
    };
    std::fs::write(
        dir.path().join("long.jsonl"),
        format!("{good}{}", padded((1 << 20) + 1)),
    )
    .expect("write");
    let long = shim(dir.path(), &["stats", "compare", "long.jsonl"]);
    assert_eq!(long.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&long.stderr).contains("line 3 is longer than 1048576 bytes"),
        "{long:?}"
    );
    std::fs::write(
        dir.path().join("fits.jsonl"),
        format!("{}{}", good.repeat(2), padded(1 << 20)),
    )
    .expect("write");
    let fits = json_of(&shim(
        dir.path(),
        &["stats", "compare", "fits.jsonl", "--json"],
    ));
    assert_eq!(fits["treatment"]["n"], 3);

    // More than 10 million lines (blank ones count) is refused without reading on.
    let mut lines = good.repeat(2);
    lines.push_str(&"\n".repeat(10_000_000));
    std::fs::write(dir.path().join("many.jsonl"), lines).expect("write");
    let many = shim(dir.path(), &["stats", "compare", "many.jsonl"]);
    assert_eq!(many.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&many.stderr).contains("more than 10000000 lines"),
        "{many:?}"
    );
}

/// The worked example of docs/kaizen.md: the lines that make the files, and the commands whose output the
/// page shows.
const MAKE_RESUME: &str = r#"awk 'BEGIN { for (i = 0; i < 1000; i++) { print "{\"variant\": \"control\", \"value\": " (i < 620) "}"; print "{\"variant\": \"treatment\", \"value\": " (i < 680) "}" } }' > resume.jsonl"#;
const COMPARE_RESUME: &str = "shim-node stats compare resume.jsonl";
const MAKE_LATENCY: &str = r#"awk 'BEGIN { for (i = 0; i < 400; i++) { print "{\"variant\": \"control\", \"value\": " 900 + (i * 37) % 400 "}"; print "{\"variant\": \"treatment\", \"value\": " 870 + (i * 53) % 380 "}" } }' > latency.jsonl"#;
const COMPARE_LATENCY: &str = "shim-node stats compare latency.jsonl --json";

/// Runs a documented line through `sh -c` in `dir`, with `shim-node` meaning the binary under test.
fn sh(dir: &Path, line: &str) -> Output {
    Command::new("sh")
        .args(["-c", &line.replacen("shim-node", EXE, 1)])
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir)
        .env_remove("SHIM_CONFIG")
        .env_remove("SHIM_LOG")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs")
}

#[test]
fn documented_commands_print_what_the_docs_show() {
    let root = shim_tests::repo_root();
    let kaizen = std::fs::read_to_string(root.join("docs/kaizen.md")).expect("docs/kaizen.md");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let operations =
        std::fs::read_to_string(root.join("docs/operations.md")).expect("docs/operations.md");
    for line in [MAKE_RESUME, COMPARE_RESUME, MAKE_LATENCY, COMPARE_LATENCY] {
        assert!(kaizen.contains(line), "docs/kaizen.md does not show {line}");
    }
    for (name, text) in [("README.md", &readme), ("docs/operations.md", &operations)] {
        assert!(
            text.contains(COMPARE_RESUME),
            "{name} does not show {COMPARE_RESUME}"
        );
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (make, compare) in [
        (MAKE_RESUME, COMPARE_RESUME),
        (MAKE_LATENCY, COMPARE_LATENCY),
    ] {
        let made = sh(dir.path(), make);
        assert!(made.status.success(), "{made:?}");
        let output = sh(dir.path(), compare);
        assert!(output.status.success(), "{compare}: {output:?}");
        let printed = String::from_utf8(output.stdout).expect("utf-8");
        assert!(
            kaizen.contains(&printed),
            "docs/kaizen.md does not show what `{compare}` prints:\n{printed}"
        );
    }
}
