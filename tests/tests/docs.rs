//! The README stays a true map of the documentation: its Layout table names every file under `docs/`, and its
//! Documentation list links each one. docs/security.md lists exactly the kinds of secret the code redacts.

use std::collections::BTreeSet;

fn doc_files() -> BTreeSet<String> {
    let dir = shim_tests::repo_root().join("docs");
    std::fs::read_dir(&dir)
        .expect("docs/ exists")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".md"))
        .collect()
}

fn readme() -> String {
    std::fs::read_to_string(shim_tests::repo_root().join("README.md"))
        .expect("README.md is readable")
}

#[test]
fn layout_table_names_every_doc() {
    let readme = readme();
    let docs_row = readme
        .lines()
        .find(|line| line.starts_with("| `docs/`"))
        .expect("the Layout table has a `docs/` row");
    let docs = doc_files();
    assert!(!docs.is_empty(), "docs/ holds the documentation");
    for name in &docs {
        assert!(
            docs_row.contains(&format!("`{name}`")),
            "the README's Layout table does not name docs/{name}"
        );
    }
}

#[test]
fn documentation_list_links_every_doc() {
    let readme = readme();
    for name in doc_files() {
        let link = format!("](docs/{name})");
        assert!(
            readme.contains(&link),
            "the README does not link docs/{name}"
        );
    }
}

#[test]
fn the_security_docs_list_exactly_the_kinds_of_secret_redacted() {
    let security = std::fs::read_to_string(shim_tests::repo_root().join("docs/security.md"))
        .expect("docs/security.md is readable");
    let section = security
        .split("### What is redacted")
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("docs/security.md has a section \"What is redacted\"");
    let documented: Vec<&str> = section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .filter_map(|rest| rest.split_once("` |").map(|(kind, _)| kind))
        .collect();
    let redacted: Vec<&str> = shim_actors::redact::SecretKind::ALL
        .iter()
        .map(|kind| kind.name())
        .collect();
    assert_eq!(
        documented, redacted,
        "the table in docs/security.md and SecretKind::ALL"
    );
    // The marker format the page gives is the one the code writes.
    assert!(security.contains("`[redacted: <kind>]`"));
    assert_eq!(
        shim_actors::redact::SecretKind::UrlPassword.marker(),
        "[redacted: url password]"
    );
    assert!(security.contains("postgres://app:[redacted: url password]@db/app"));
}

/// The Fuzzing section of docs/security.md names every fuzz target there is, its commands run those targets
/// with the knob the targets read, and each defect it names has its test where it says.
#[test]
fn the_fuzzing_docs_match_the_targets() {
    let root = shim_tests::repo_root();
    let security = std::fs::read_to_string(root.join("docs/security.md"))
        .expect("docs/security.md is readable");
    let section = security
        .split("\n## Fuzzing\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("docs/security.md has a section \"Fuzzing\"");
    let support = std::fs::read_to_string(root.join("protocol/tests/support/fuzz.rs"))
        .expect("the shared fuzz knob is readable");
    assert!(support.contains("std::env::var(\"SHIM_FUZZ_CASES\")"));
    let smoke = support
        .split("pub const SMOKE_CASES: u32 = ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .expect("SMOKE_CASES");
    assert!(
        section
            .replace('\n', " ")
            .contains(&format!("{smoke} cases a target")),
        "the smoke's case count"
    );
    let packages = [
        ("protocol", "shim-protocol"),
        ("actors", "shim-actors"),
        ("node", "shim-node"),
        ("tests", "shim-tests"),
    ];
    for (dir, package) in packages {
        let target = format!("{dir}/tests/fuzz.rs");
        let exists = root.join(&target).exists();
        assert_eq!(
            section.contains(&format!("| `{target}` |")),
            exists,
            "{target}: in the table if and only if it exists"
        );
        if exists {
            assert!(section.contains(&format!("cargo test -p {package} --test fuzz\n")));
        }
    }
    let commands: Vec<&str> = section
        .split("```sh\n")
        .skip(1)
        .filter_map(|block| block.split("```").next())
        .flat_map(str::lines)
        .collect();
    assert!(commands.len() >= 5, "{commands:?}");
    for command in commands {
        let mut words = command.split(' ').peekable();
        if words
            .peek()
            .is_some_and(|word| word.starts_with("SHIM_FUZZ_CASES="))
        {
            let cases = words.next().and_then(|word| word.split('=').nth(1));
            cases
                .expect("a count")
                .parse::<u32>()
                .expect("SHIM_FUZZ_CASES is a number");
        }
        let rest: Vec<&str> = words.collect();
        assert_eq!(&rest[..2], ["cargo", "test"], "{command}");
        assert!(command.ends_with("--test fuzz"), "{command}");
        for (index, word) in rest.iter().enumerate() {
            if *word == "-p" {
                let package = rest[index + 1];
                let (dir, _) = packages
                    .iter()
                    .find(|(_, name)| *name == package)
                    .unwrap_or_else(|| panic!("{command}: no package {package}"));
                assert!(root.join(dir).join("tests/fuzz.rs").exists(), "{command}");
            }
        }
    }
    // "Test: `<file>` `<test>`": the test is in that file.
    for mention in section.split("Test:").skip(1) {
        let names: Vec<&str> = mention.split('`').skip(1).step_by(2).take(2).collect();
        let source = std::fs::read_to_string(root.join(names[0])).expect(names[0]);
        assert!(
            source.contains(&format!("fn {}()", names[1])),
            "{} has no test {}",
            names[0],
            names[1]
        );
    }
}
