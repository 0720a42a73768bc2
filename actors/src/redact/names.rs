//! Which names say their value is secret (`DB_PASSWORD`, `apiKey`, `client-secret`), and which values
//! only stand for a secret held elsewhere (`${DB_PASSWORD}`, `<your-password>`, `****`).

use super::SecretKind;

/// What a name says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    /// The kind its value is redacted as.
    pub kind: SecretKind,
    /// A name that only hints at a secret (`key`, `auth`, `private`): its value is redacted only when it
    /// looks random (a `sort_key = "name"` stays).
    pub weak: bool,
}

impl Named {
    /// Returns whether `value`, assigned to this name, is to be redacted.
    pub fn holds(self, value: &str) -> bool {
        !stands_for_a_secret(value) && (!self.weak || looks_random(value))
    }
}

/// Words of a name that make its value a password.
const PASSWORD_WORDS: [&str; 5] = ["password", "passwd", "passphrase", "pass", "pwd"];
/// Words of a name that make its value a secret.
const SECRET_WORDS: [&str; 6] = [
    "secret",
    "secrets",
    "token",
    "credential",
    "credentials",
    "apikey",
];
/// Words of a name that hint at a secret: the value must also look random.
const HINT_WORDS: [&str; 5] = ["key", "auth", "private", "signature", "cookie"];
/// Words of a name whose value is public by design: `public_key`, `stripePublishableKey`.
const PUBLIC_WORDS: [&str; 3] = ["public", "publishable", "pub"];
/// Last words of a name that is about a secret but holds none: `api_key_header_name`, `token_type`,
/// `password_min_length`, `token_url`.
const ABOUT_WORDS: [&str; 51] = [
    "name",
    "names",
    "id",
    "ids",
    "type",
    "types",
    "kind",
    "path",
    "file",
    "filename",
    "dir",
    "header",
    "field",
    "env",
    "var",
    "variable",
    "length",
    "len",
    "size",
    "count",
    "format",
    "prefix",
    "suffix",
    "hint",
    "label",
    "title",
    "description",
    "help",
    "prompt",
    "message",
    "regex",
    "pattern",
    "policy",
    "rotation",
    "expiry",
    "expires",
    "expiration",
    "ttl",
    "version",
    "algorithm",
    "alg",
    "enabled",
    "required",
    "min",
    "max",
    "limit",
    "url",
    "uri",
    "endpoint",
    "placeholder",
    "reset",
];

/// Returns what `name` says about its value: a password, a secret, or (for `None`) nothing. Words are split
/// at `_`, `-`, `.`, spaces and camelCase; the name says nothing when its last word only describes the
/// secret (`api_key_header_name`) or one of its words says it is public (`publishable_key`).
pub fn secret_name(name: &str) -> Option<Named> {
    let name = name.trim_matches(|char: char| !char.is_ascii_alphanumeric());
    // The shell's working directory, not a password.
    if name.eq_ignore_ascii_case("pwd") || name.eq_ignore_ascii_case("oldpwd") {
        return None;
    }
    let words = words(name);
    let last = words.last()?;
    if ABOUT_WORDS.contains(&last.as_str())
        || words
            .iter()
            .any(|word| PUBLIC_WORDS.contains(&word.as_str()))
    {
        return None;
    }
    let any = |test: &dyn Fn(&str) -> bool| words.iter().any(|word| test(word));
    if any(&|word| {
        PASSWORD_WORDS.contains(&word)
            || ["password", "passwd", "passphrase"]
                .iter()
                .any(|end| word.ends_with(end))
    }) {
        return Some(Named {
            kind: SecretKind::Password,
            weak: false,
        });
    }
    let pairs = |first: &str, second: &str| {
        words
            .windows(2)
            .any(|pair| pair[0] == first && pair[1] == second)
    };
    let strong = any(&|word| {
        SECRET_WORDS.contains(&word)
            || [
                "secret",
                "token",
                "apikey",
                "privatekey",
                "secretkey",
                "accesskey",
            ]
            .iter()
            .any(|end| word.ends_with(end))
    }) || ["api", "private", "secret", "access"]
        .iter()
        .any(|first| pairs(first, "key"));
    let kind = if any(&|word| word == "aws") && any(&|word| word.contains("secret")) {
        SecretKind::AwsSecretAccessKey
    } else {
        SecretKind::Secret
    };
    if strong {
        return Some(Named { kind, weak: false });
    }
    any(&|word| HINT_WORDS.contains(&word)).then_some(Named { kind, weak: true })
}

/// Splits a name into lowercase words at `_`, `-`, `.`, spaces and lower-to-upper case changes.
fn words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for char in name.chars() {
        if !char.is_ascii_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if char.is_ascii_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = char.is_ascii_lowercase() || char.is_ascii_digit();
        word.push(char.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Returns whether `value` only stands for a secret, or is none: empty, a variable (`$X`, `${X}`, `%X%`,
/// `{{ x }}`), a placeholder (`<your-password>`, `your_api_key`), a mask (`****`, `xxxx`, an earlier
/// marker), or a plain literal (`null`, `true`).
pub(super) fn stands_for_a_secret(value: &str) -> bool {
    let value = value.trim();
    let lower = value.to_ascii_lowercase();
    value.is_empty()
        || value.starts_with('$')
        || (value.starts_with('%') && value.ends_with('%') && value.len() > 2)
        || value.starts_with("{{")
        || (value.starts_with('<') && value.ends_with('>'))
        || value.starts_with(super::MARKER_START)
        || ["your-", "your_", "your "]
            .iter()
            .any(|start| lower.starts_with(start))
        || value
            .chars()
            .all(|char| matches!(char, '*' | 'x' | 'X' | '.' | '•' | '#' | '-' | '_'))
        || [
            "null",
            "none",
            "nil",
            "undefined",
            "true",
            "false",
            "redacted",
            "[redacted]",
            "<redacted>",
            "\"\"",
            "''",
        ]
        .contains(&lower.as_str())
}

/// Returns whether `value` looks like a generated key rather than a word: 16 characters or more, no
/// space, letters and digits mixed.
pub(super) fn looks_random(value: &str) -> bool {
    value.len() >= 16
        && !value.chars().any(char::is_whitespace)
        && value.chars().any(|char| char.is_ascii_digit())
        && value.chars().any(|char| char.is_ascii_alphabetic())
}
