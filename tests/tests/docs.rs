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
