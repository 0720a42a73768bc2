use std::borrow::Cow;

use serde_json::json;

use super::{SecretKind, names::secret_name, redact, redact_json};

/// `(input, expected)`; the secrets here are obviously fake (runs of one letter), the corpus test under
/// `actors/tests/` generates realistic ones.
const CASES: &[(&str, &str)] = &[
    (
        "password=hunter2 user=bob",
        "password=[redacted: password] user=bob",
    ),
    (
        r#"{"password": "hunter 2", "user": "bob"}"#,
        r#"{"password": "[redacted: password]", "user": "bob"}"#,
    ),
    (
        "export DB_PASSWORD='s3cr3t!'",
        "export DB_PASSWORD='[redacted: password]'",
    ),
    (
        "password: hunter2\nuser: bob",
        "password: [redacted: password]\nuser: bob",
    ),
    (
        "reset your password in settings",
        "reset your password in settings",
    ),
    (
        "Password: reset it in settings",
        "Password: reset it in settings",
    ),
    ("password=", "password="),
    ("password=${DB_PASSWORD}", "password=${DB_PASSWORD}"),
    (
        "password = \"<your-password>\"",
        "password = \"<your-password>\"",
    ),
    ("password=changeme", "password=[redacted: password]"),
    (
        r#"api_key_header_name = "X-Api-Key""#,
        r#"api_key_header_name = "X-Api-Key""#,
    ),
    ("token = process.env.TOKEN", "token = process.env.TOKEN"),
    ("password: String,", "password: String,"),
    (
        r#"password: str = "hunter2""#,
        r#"password: str = "[redacted: password]""#,
    ),
    ("PWD=/home/me/project", "PWD=/home/me/project"),
    ("max_tokens = 4096", "max_tokens = 4096"),
    (
        "note: password=hunter2",
        "note: password=[redacted: password]",
    ),
    (
        r#"msg="{\"password\":\"hunter2\"}""#,
        r#"msg="{\"password\":\"[redacted: password]\"}""#,
    ),
    (
        "postgres://app:hunter2@db.local:5432/app",
        "postgres://app:[redacted: url password]@db.local:5432/app",
    ),
    (
        "https://example.com:8443/path?x=1",
        "https://example.com:8443/path?x=1",
    ),
    (
        "Authorization: Bearer abcdefghijklmnop1234",
        "Authorization: Bearer [redacted: bearer token]",
    ),
    ("Bearer authentication works", "Bearer authentication works"),
    ("if password == \"x\":", "if password == \"x\":"),
    ("sort_key = \"name\"", "sort_key = \"name\""),
    (
        "+DB_PASSWORD=hunter2\n-DB_PASSWORD=old",
        "+DB_PASSWORD=[redacted: password]\n-DB_PASSWORD=[redacted: password]",
    ),
    (
        r#"diff="+PWD=/home\nDB_PASSWORD=hunter2\n""#,
        r#"diff="+PWD=/home\nDB_PASSWORD=[redacted: password]\n""#,
    ),
    ("blob aGVsbG8/pw= next", "blob aGVsbG8/pw= next"),
    ("blob aGVsbG8+key= next", "blob aGVsbG8+key= next"),
    (
        "ENCRYPTION_KEY=a1b2c3d4e5f6a7b8c9d0",
        "ENCRYPTION_KEY=[redacted: secret]",
    ),
    // A character of several bytes right before the name.
    ("使用password=hunter2", "使用password=[redacted: password]"),
    ("→DB_PASSWORD=hunter2", "→DB_PASSWORD=[redacted: password]"),
    ("“max_tokens = 4096”", "“max_tokens = 4096”"),
];

#[test]
fn assignments_and_headers_are_redacted_and_near_misses_kept() {
    let mut failed = Vec::new();
    for (input, expected) in CASES {
        let output = redact(input);
        if output != *expected {
            failed.push(format!(
                "{input:?}\n  got      {output:?}\n  expected {expected:?}"
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn clean_text_comes_back_borrowed() {
    assert!(matches!(redact("nothing to see here"), Cow::Borrowed(_)));
    assert!(matches!(redact(""), Cow::Borrowed(_)));
}

#[test]
fn a_json_value_is_redacted_in_its_strings_and_under_secret_keys() {
    let mut value = json!({
        "error": "connect failed: postgres://app:hunter2@db/app",
        "headers": {"x-api-key": "k1k2k3k4k5k6k7k8k9", "accept": "text/html"},
        "password": "hunter2",
        "passwords": ["a"],
        "token_type": "Bearer",
        "api_key": "${API_KEY}",
        "n": 3,
    });
    assert!(redact_json(&mut value));
    assert_eq!(
        value,
        json!({
            "error": "connect failed: postgres://app:[redacted: url password]@db/app",
            "headers": {"x-api-key": "[redacted: secret]", "accept": "text/html"},
            "password": "[redacted: password]",
            "passwords": ["a"],
            "token_type": "Bearer",
            "api_key": "${API_KEY}",
            "n": 3,
        })
    );
    let mut clean = json!({"tool": "Read", "ok": true});
    assert!(!redact_json(&mut clean));
}

#[test]
fn names_are_split_into_words() {
    for (name, kind) in [
        ("DB_PASSWORD", Some(SecretKind::Password)),
        ("dbPassword", Some(SecretKind::Password)),
        ("client-secret", Some(SecretKind::Secret)),
        ("apiKey", Some(SecretKind::Secret)),
        (
            "aws_secret_access_key",
            Some(SecretKind::AwsSecretAccessKey),
        ),
        ("GITHUB_TOKEN", Some(SecretKind::Secret)),
        ("api_key_header_name", None),
        ("token_type", None),
        ("max_tokens", None),
        ("PWD", None),
        ("bypass", None),
    ] {
        assert_eq!(secret_name(name).map(|named| named.kind), kind, "{name}");
    }
}

#[test]
fn every_kind_has_its_own_name_and_marker() {
    let mut names: Vec<&str> = SecretKind::ALL.iter().map(|kind| kind.name()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), SecretKind::ALL.len());
    assert_eq!(
        SecretKind::AnthropicApiKey.marker(),
        "[redacted: anthropic api key]"
    );
}

#[test]
fn every_rule_compiles() {
    // Rules compile on first use; a pattern that does not would fail there, in a node.
    super::warm_up();
}
