//! The rules that find secrets, in order of priority: a provider's own format names a secret better than
//! the name it is assigned to (`ANTHROPIC_API_KEY=sk-ant-…` is an anthropic api key).
//!
//! Word boundaries are ASCII (`(?-u:\b)`) so that the lazy DFA runs on any text, and every repetition of
//! a token is bounded below, so a short word never matches.

use std::ops::Range;

use regex::{Captures, Regex};

use super::{
    SecretKind,
    names::{looks_random, secret_name, stands_for_a_secret},
};

/// What a rule's match turned out to be.
pub(super) enum Decision {
    /// A secret of this kind at this range.
    Secret(Range<usize>, SecretKind),
    /// Nothing to hide; the search goes on from `resume`.
    Keep { resume: usize },
}

/// One rule: where it may match, and what a match is.
pub(super) struct Rule {
    pub(super) regex: Regex,
    pub(super) decide: fn(&Captures<'_>, &str) -> Decision,
}

/// A PEM private key; without its END line (a text cut short) the lines of key that follow go with it.
const PRIVATE_KEY: &str = r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:[ \t]*(?:\r?\n|\\r\\n|\\n)[ \t]*(?:[A-Za-z0-9+/=]{8,}|[A-Za-z-]+: [^\r\n\\]*))*)";

const ANTHROPIC: &str = r"(?-u:\b)sk-ant-[A-Za-z0-9_-]{32,}";
const OPENAI: &str =
    r"(?-u:\b)sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,}(?-u:\b))";
const AWS_ACCESS_KEY_ID: &str = r"(?-u:\b)(?:AKIA|ASIA)[A-Z0-9]{16}(?-u:\b)";
const GITHUB: &str =
    r"(?-u:\b)(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?-u:\b)";
const GOOGLE_API_KEY: &str = r"(?-u:\b)AIza[0-9A-Za-z_-]{35}";
const GOOGLE_OAUTH: &str = r"(?-u:\b)GOCSPX-[A-Za-z0-9_-]{20,}";
const SLACK_TOKEN: &str =
    r"(?-u:\b)(?:xox[abporse]-[A-Za-z0-9-]{10,}|xapp-[0-9]+-[A-Za-z0-9-]{10,})";
const SLACK_WEBHOOK: &str =
    r"https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{8,}";
const STRIPE: &str = r"(?-u:\b)[rs]k_(?:live|test)_[A-Za-z0-9]{16,}";
const JWT: &str = r"(?-u:\b)eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*";
/// `scheme://user:password@`; the user may be empty (`redis://:password@host`).
const URL_PASSWORD: &str =
    r"(?i)(?-u:\b)[a-z][a-z0-9+.-]{1,30}://[^\s:/@'`<>]*:(?P<secret>[^\s@/'`<>?#]+)@";
const BEARER: &str = r"(?i)(?-u:\b)bearer[ \t]+(?P<secret>[A-Za-z0-9._~+/-]{16,}=*)";
const BASIC: &str = r#"(?i)(?-u:\b)authorization(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?[ \t]*basic[ \t]+(?P<secret>[A-Za-z0-9+/]{4,}={0,2})"#;
/// `name = value`, `name: value`, `"name": "value"`, `NAME=value` (`.env`), `name: type = value`; the name
/// must hold a word of [`secret_name`]'s lists, which it then judges whole.
const ASSIGNMENT: &str = concat!(
    r#"(?i)(?P<name>[a-z0-9_.-]*(?:pass|pwd|pw|secret|token|credential|key|auth|private|signature|cookie)[a-z0-9_.-]*)"#,
    r#"(?P<sep>(?:\\?["'])?(?:[ \t]*:[ \t]*[&a-z_][a-z0-9_<>\[\]&']*)?[ \t]*(?::=|=>|=|:)[ \t]*)"#,
    r#"(?P<value>\\"(?:[^"\\\n]|\\[^"\n])*\\"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`|[^\s"'`]+)"#,
);

/// Every rule, in order of priority.
pub(super) fn all() -> Vec<Rule> {
    let rule = |pattern: &str, decide: fn(&Captures<'_>, &str) -> Decision| Rule {
        // The patterns are constants, compiled by the tests: failing here is a bug.
        #[allow(clippy::expect_used)]
        regex: Regex::new(pattern).expect("a redaction rule compiles"),
        decide,
    };
    vec![
        rule(PRIVATE_KEY, |captures, _| {
            whole(captures, SecretKind::PrivateKey)
        }),
        rule(ANTHROPIC, |captures, _| {
            whole(captures, SecretKind::AnthropicApiKey)
        }),
        rule(OPENAI, |captures, _| {
            let key = captures.get(0).map_or("", |key| key.as_str());
            if key.starts_with("sk-proj-") || looks_random(key) {
                whole(captures, SecretKind::OpenAiApiKey)
            } else {
                keep_after(captures)
            }
        }),
        rule(AWS_ACCESS_KEY_ID, |captures, _| {
            whole(captures, SecretKind::AwsAccessKeyId)
        }),
        rule(GITHUB, |captures, _| {
            whole(captures, SecretKind::GithubToken)
        }),
        rule(GOOGLE_API_KEY, |captures, _| {
            whole(captures, SecretKind::GoogleApiKey)
        }),
        rule(GOOGLE_OAUTH, |captures, _| {
            whole(captures, SecretKind::GoogleOauthClientSecret)
        }),
        rule(SLACK_TOKEN, |captures, _| {
            whole(captures, SecretKind::SlackToken)
        }),
        rule(SLACK_WEBHOOK, |captures, _| {
            whole(captures, SecretKind::SlackWebhookUrl)
        }),
        rule(STRIPE, |captures, _| {
            whole(captures, SecretKind::StripeSecretKey)
        }),
        rule(JWT, |captures, _| whole(captures, SecretKind::JsonWebToken)),
        rule(URL_PASSWORD, |captures, _| {
            named_group(captures, SecretKind::UrlPassword, |password| {
                !stands_for_a_secret(password)
            })
        }),
        rule(BEARER, |captures, _| {
            named_group(captures, SecretKind::BearerToken, |token| {
                !stands_for_a_secret(token) && !is_a_word(token)
            })
        }),
        rule(BASIC, |captures, _| {
            named_group(captures, SecretKind::BasicCredentials, |_| true)
        }),
        rule(ASSIGNMENT, assignment),
    ]
}

fn whole(captures: &Captures<'_>, kind: SecretKind) -> Decision {
    match captures.get(0) {
        Some(found) => Decision::Secret(found.range(), kind),
        None => Decision::Keep { resume: 0 },
    }
}

fn keep_after(captures: &Captures<'_>) -> Decision {
    Decision::Keep {
        resume: captures.get(0).map_or(0, |found| found.end()),
    }
}

/// The group `secret` is the secret when `test` says so; otherwise the search resumes where it started.
fn named_group(captures: &Captures<'_>, kind: SecretKind, test: fn(&str) -> bool) -> Decision {
    match captures.name("secret") {
        Some(secret) if test(secret.as_str()) => Decision::Secret(secret.range(), kind),
        Some(secret) => Decision::Keep {
            resume: secret.start(),
        },
        None => keep_after(captures),
    }
}

/// A plain word (`Bearer authentication`), not a token: letters only, lowercase after the first.
fn is_a_word(token: &str) -> bool {
    let mut chars = token.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && chars.all(|char| char.is_ascii_lowercase())
}

/// An assignment: the value is redacted when the name says it is secret and the value is not a reference
/// to one held elsewhere. After a match that is not one, the search resumes at the value, so that a
/// `note: password=hunter2` is still found.
fn assignment(captures: &Captures<'_>, text: &str) -> Decision {
    let (Some(name), Some(sep), Some(value)) = (
        captures.name("name"),
        captures.name("sep"),
        captures.name("value"),
    ) else {
        return keep_after(captures);
    };
    let keep = Decision::Keep {
        resume: value.start(),
    };
    let raw = value.as_str();
    let before = &text[..name.start()];
    // A comparison (`==`, `!=`, `<=`, `>=`), not an assignment; or the tail of a longer token (base64
    // data ending `…/pw=` or `…+key=`, a path), not a name. A `+` or `-` that starts a line is a diff's.
    if raw.starts_with('=')
        || text[..name.end()].ends_with(['!', '<', '>'])
        || before.ends_with('/')
        || (before.ends_with('+')
            && before[..before.len() - 1]
                .ends_with(|char: char| char.is_ascii_alphanumeric() || char == '/' || char == '+'))
    {
        return keep;
    }
    // After an escaped newline or tab (`\nDB_PASSWORD=…` in a log line) the name starts after the escape.
    let name_text = match name.as_str().strip_prefix(['n', 'r', 't']) {
        Some(rest) if before.ends_with('\\') => rest,
        _ => name.as_str(),
    };
    let Some(named) = secret_name(name_text) else {
        return keep;
    };
    let colon = sep.as_str().trim_end().ends_with(':');
    let (range, quoted) = unquote(raw, value.start());
    let range = if quoted {
        range
    } else {
        // An escaped line break or tab ends it (a log line quotes text with `\n`), and trailing
        // punctuation is not part of it.
        let trimmed = ["\\n", "\\r", "\\t"]
            .iter()
            .filter_map(|escape| raw.find(escape))
            .min()
            .map_or(raw, |end| &raw[..end])
            .trim_end_matches([',', ';', ')', ']', '}', '.']);
        let range = value.start()..value.start() + trimmed.len();
        // `name: value` in prose ("password: reset it in settings") or a type (`password: String,`) is
        // not an assignment of a secret.
        if colon && (!stands_alone(text, range.end) || is_a_type(trimmed)) {
            return keep;
        }
        if is_code(trimmed) {
            return keep;
        }
        range
    };
    if !named.holds(&text[range.clone()]) {
        return keep;
    }
    Decision::Secret(range, named.kind)
}

/// The range of the value inside its quotes, if it has any.
fn unquote(raw: &str, start: usize) -> (Range<usize>, bool) {
    for quote in ["\\\"", "\"", "'", "`"] {
        if raw.len() >= 2 * quote.len() && raw.starts_with(quote) && raw.ends_with(quote) {
            return (start + quote.len()..start + raw.len() - quote.len(), true);
        }
    }
    (start..start + raw.len(), false)
}

/// Whether the value ending at `end` is all that follows its name on the line.
fn stands_alone(text: &str, end: usize) -> bool {
    let rest = text[end..].trim_start_matches([' ', '\t']);
    rest.is_empty()
        || rest.starts_with(['\n', '\r', ',', ';', '}', ']', ')', '"', '\'', '#'])
        || rest.starts_with("\\n")
        || rest.starts_with("\\\"")
}

/// A type annotation: `String`, `&str`, `Option<String>`, `str`.
fn is_a_type(value: &str) -> bool {
    const TYPES: [&str; 18] = [
        "string",
        "str",
        "&str",
        "&'static",
        "option<",
        "secret<",
        "secretstring",
        "secretbox<",
        "vec<u8>",
        "bytes",
        "number",
        "bool",
        "boolean",
        "int",
        "any",
        "unknown",
        "optional[",
        "text",
    ];
    let lower = value.to_ascii_lowercase();
    TYPES
        .iter()
        .any(|name| lower == *name || (name.ends_with(['<', '[']) && lower.starts_with(name)))
}

/// Code that reads a secret from elsewhere: a call (`getpass()`, `env::var("X")`), an index
/// (`os.environ["X"]`) or a path of identifiers from a place that holds settings (`process.env.TOKEN`,
/// `self.password`, `settings::API_KEY`).
fn is_code(value: &str) -> bool {
    const ROOTS: [&str; 24] = [
        "process", "os", "env", "environ", "self", "this", "config", "cfg", "conf", "settings",
        "args", "opts", "options", "ctx", "context", "secrets", "vars", "params", "props",
        "request", "req", "app", "std", "system",
    ];
    if value.contains(['(', '[']) {
        return true;
    }
    let parts: Vec<&str> = value
        .split(['.', ':'])
        .filter(|part| !part.is_empty())
        .collect();
    parts.len() > 1
        && ROOTS.contains(&parts[0].to_ascii_lowercase().as_str())
        && parts.iter().all(|part| {
            part.starts_with(|char: char| char.is_ascii_alphabetic() || char == '_')
                && part
                    .chars()
                    .all(|char| char.is_ascii_alphanumeric() || char == '_')
        })
}
