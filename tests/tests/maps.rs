//! The maps match the territory: each crate's module docs list its modules, the supervision tree in the docs names
//! every actor, the command line's docs name every command, the protocol doc names every operation, and subjects
//! are spelled in `protocol/src/subject.rs` alone.

use std::{
    collections::BTreeSet,
    path::{Path, PathBuf},
    process::Command,
};

use shim_protocol::NodeOp;

const EXE: &str = env!("CARGO_BIN_EXE_shim-node-e2e");

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn root() -> PathBuf {
    shim_tests::repo_root()
}

/// The `//!` lines of a file, joined.
fn module_doc(source: &str) -> String {
    source
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("//!"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a file declares (`mod name;` or `pub mod name;`), without inline test modules.
fn declared_modules(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("pub(crate) mod "))
                .or_else(|| line.strip_prefix("mod "))?;
            let name = rest.strip_suffix(';')?;
            (name != "tests").then(|| name.to_owned())
        })
        .collect()
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).expect("source dir is readable") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The part of a source file that is not tests: whole test files are skipped, and a file is read up to its first
/// `#[cfg(test)]`.
fn non_test_source(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let in_tests_dir = path.components().any(|part| part.as_os_str() == "tests");
    if name == "tests.rs" || name == "test_utils.rs" || in_tests_dir {
        return None;
    }
    let source = read(path);
    let end = source.find("#[cfg(test)]").unwrap_or(source.len());
    Some(source[..end].to_owned())
}

#[test]
fn every_crate_map_lists_its_modules() {
    for crate_root in [
        "protocol/src/lib.rs",
        "actors/src/lib.rs",
        "node/src/lib.rs",
    ] {
        let source = read(&root().join(crate_root));
        let doc = module_doc(&source);
        let modules = declared_modules(&source);
        assert!(!modules.is_empty(), "{crate_root} declares modules");
        for module in modules {
            assert!(
                doc.contains(&format!("`{module}`")),
                "the module docs of {crate_root} do not list its module `{module}`"
            );
        }
    }
}

/// The scenarios are modules of one test binary (`autotests = false` in tests/Cargo.toml), so a file beside
/// `suite.rs` that it does not declare, nor tests/Cargo.toml as a `[[test]]` of its own, would never be compiled
/// or run.
#[test]
fn every_scenario_file_is_a_module_of_the_suite() {
    let dir = root().join("tests/tests");
    let mut declared = declared_modules(&read(&dir.join("suite.rs")));
    let manifest = read(&root().join("tests/Cargo.toml"));
    let own: Vec<&str> = manifest
        .lines()
        .filter_map(|line| line.strip_prefix("path = \"tests/")?.strip_suffix(".rs\""))
        .collect();
    assert_eq!(
        own,
        ["suite", "privacy"],
        "the test targets of tests/Cargo.toml"
    );
    for name in own.into_iter().filter(|name| *name != "suite") {
        assert!(
            declared.insert(name.to_owned()),
            "{name}.rs is both a module of the suite and a binary of its own"
        );
    }
    let files: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("tests/tests is readable")
        .map(|entry| entry.expect("dir entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_owned()))
        .filter(|stem| stem != "suite")
        .collect();
    assert!(files.len() >= 50, "{files:?}");
    assert_eq!(
        files, declared,
        "tests/tests/suite.rs declares each file beside it"
    );
}

#[test]
fn every_actor_is_on_the_supervision_tree() {
    let architecture = read(&root().join("docs/architecture.md"));
    let actors_doc = module_doc(&read(&root().join("actors/src/lib.rs")));
    let mut actors = BTreeSet::new();
    for dir in ["actors/src", "node/src"] {
        for path in rust_files(&root().join(dir)) {
            let Some(source) = non_test_source(&path) else {
                continue;
            };
            for line in source.lines() {
                if let Some(rest) = line.trim().strip_prefix("impl Actor for ") {
                    let name: String = rest
                        .chars()
                        .take_while(|char| char.is_alphanumeric() || *char == '_')
                        .collect();
                    actors.insert(name);
                }
            }
        }
    }
    assert!(actors.len() >= 4, "found the actors: {actors:?}");
    for actor in actors {
        assert!(
            architecture.contains(&actor),
            "docs/architecture.md does not name the actor {actor}"
        );
        assert!(
            actors_doc.contains(&actor),
            "the supervision tree in actors/src/lib.rs does not name the actor {actor}"
        );
    }
}

/// Every background task the node supervises (`supervision.spawn("<name>", ...)`) is a value of the restart
/// metric's `task` label and is named where the docs list them: a task added without them restarted under a
/// label the catalogue did not know.
#[test]
fn every_supervised_task_is_in_the_metric_catalogue_and_the_docs() {
    let mut names = BTreeSet::new();
    for path in rust_files(&root().join("node/src")) {
        let Some(source) = non_test_source(&path) else {
            continue;
        };
        for part in source.split("supervision.spawn(\"").skip(1) {
            if let Some(end) = part.find('"') {
                names.insert(part[..end].to_owned());
            }
        }
    }
    assert!(names.len() >= 10, "found the supervised tasks: {names:?}");
    let Some(shim_actors::metrics::catalogue::LabelValues::Fixed(catalogued)) =
        shim_actors::metrics::catalogue::COORDINATION_TASK_RESTARTS
            .labels
            .first()
            .map(|label| label.values)
    else {
        panic!("the restart metric has a fixed task label");
    };
    let metrics = read(&root().join("docs/metrics.md"));
    let coordination = read(&root().join("docs/coordination.md"));
    let protocol = read(&root().join("docs/protocol.md"));
    for name in &names {
        assert!(
            catalogued.contains(&name.as_str()),
            "the catalogue lacks {name:?}"
        );
        for (doc, text) in [
            ("metrics.md", &metrics),
            ("coordination.md", &coordination),
            ("protocol.md", &protocol),
        ] {
            assert!(
                text.contains(&format!("`{name}`")),
                "docs/{doc} does not name `{name}`"
            );
        }
    }
    assert_eq!(
        catalogued.len(),
        names.len(),
        "{catalogued:?} against {names:?}"
    );
}

/// The subcommands `shim-node --help` lists.
fn commands() -> Vec<String> {
    let output = Command::new(EXE)
        .arg("--help")
        .output()
        .expect("shim-node runs");
    let help = String::from_utf8_lossy(&output.stdout).into_owned();
    let listed = help
        .split("Commands:")
        .nth(1)
        .expect("the help lists commands");
    listed
        .lines()
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_command_is_on_the_command_line_map() {
    let cli_doc = module_doc(&read(&root().join("node/src/cli.rs")));
    let operations = read(&root().join("docs/operations.md"));
    let commands = commands();
    assert!(
        commands.len() >= 8,
        "the help lists the commands: {commands:?}"
    );
    for command in commands {
        assert!(
            cli_doc.contains(&format!("`{command}`")),
            "the module docs of node/src/cli.rs do not name the command `{command}`"
        );
        assert!(
            operations.contains(&format!("shim-node {command}")),
            "docs/operations.md does not show `shim-node {command}`"
        );
    }
}

#[test]
fn every_operation_is_in_the_protocol_doc() {
    let protocol = read(&root().join("docs/protocol.md"));
    for op in NodeOp::ALL {
        assert!(
            protocol.contains(&format!("{op}`")),
            "docs/protocol.md does not document the operation {op}"
        );
    }
}

#[test]
fn subjects_are_spelled_in_subject_rs_alone() {
    let subject_rs = root().join("protocol/src/subject.rs");
    let mut found = Vec::new();
    for dir in ["protocol/src", "actors/src", "node/src"] {
        for path in rust_files(&root().join(dir)) {
            if path == subject_rs {
                continue;
            }
            let Some(source) = non_test_source(&path) else {
                continue;
            };
            for (number, line) in source.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for prefix in [
                    "\"shim.v",
                    "\"shim.events",
                    "\"$JS.",
                    "\"$KV.",
                    "\"KV_",
                    "\"_INBOX",
                ] {
                    if code.contains(prefix) {
                        found.push(format!(
                            "{}:{}: {}",
                            path.display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "subjects spelled outside protocol/src/subject.rs:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_path_the_readme_layout_names_exists() {
    let readme = read(&root().join("README.md"));
    let layout = readme
        .split("## Layout")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a Layout section");
    let mut checked = 0;
    for (index, part) in layout.split('`').enumerate() {
        // Odd parts are inside backticks.
        if index % 2 == 1 && part.contains('/') && !part.contains(' ') {
            assert!(
                root().join(part).exists(),
                "the README's Layout names {part}, which does not exist"
            );
            checked += 1;
        }
    }
    assert!(
        checked >= 10,
        "the Layout names the code it maps ({checked} paths)"
    );
}
