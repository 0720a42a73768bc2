//! The rules that find secrets, in order of priority: a provider's own format names a secret better than
//! the name it is assigned to (`ANTHROPIC_API_KEY=sk-ant-…` is an anthropic api key).
//!
//! Word boundaries are ASCII (`(?-u:\b)`) so that the lazy DFA runs on any text, and every repetition of
//! a token is bounded below, so a short word never matches.

use std::{ops::Range, sync::OnceLock};

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
    pattern: &'static str,
    /// Compiled on first use: a short-lived process (a hook) compiles only the rules its text needs.
    regex: OnceLock<Regex>,
    pub(super) decide: fn(&Captures<'_>, &str) -> Decision,
    /// A quick look at a match starting here, before its groups are taken (the costly part): where to go on
    /// from when it cannot be a secret.
    pub(super) screen_opt: Option<fn(&str, usize) -> Option<usize>>,
}

/// A PEM private key; without its END line (a text cut short) the lines of key that follow go with it.
const PRIVATE_KEY: &str = r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|(?:[ \t]*(?:\r?\n|\\r\\n|\\n)[ \t]*(?:[A-Za-z0-9+/=]{8,}|[A-Za-z-]+: [^\r\n\\]*))*)";

const ANTHROPIC: &str = r"(?-u:\b)sk-ant-[A-Za-z0-9_-]{32,}";
const OPENAI: &str =
    r"(?-u:\b)sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{32,}(?-u:\b))";
const AWS_ACCESS_KEY_ID: &str = r"(?-u:\b)(?:AKIA|ASIA)[A-Z0-9]{16}(?-u:\b)";
const GITHUB: &str = r"(?-u:\b)(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})(?-u:\b)";
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
    r"(?-u:\b)[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s:/@'`<>]*:(?P<secret>[^\s@/'`<>?#]+)@";
// Case is spelled out (`bearer|Bearer|BEARER`) rather than ignored (`(?i)`): literals the search can look
// for first, which keeps it at memory speed on text that has none of them.
const BEARER: &str = r"(?-u:\b)(?:bearer|Bearer|BEARER)[ \t]+(?P<secret>[A-Za-z0-9._~+/-]{16,}=*)";
const BASIC: &str = r#"(?-u:\b)(?:authorization|Authorization|AUTHORIZATION)(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?[ \t]*(?:basic|Basic|BASIC)[ \t]+(?P<secret>[A-Za-z0-9+/]{4,}={0,2})"#;
/// `name = value`, `name: value`, `"name": "value"`, `NAME=value` (`.env`), `name: type = value`. The match
/// starts at a word of [`secret_name`]'s lists, in lower, upper or title case (`password`, `DB_PASSWORD`,
/// `dbPassword`); the name's start is found going back from there, and [`secret_name`] judges it whole.
const ASSIGNMENT: &str = concat!(
    r#"(?P<word>(?:pass|Pass|PASS|pwd|Pwd|PWD|secret|Secret|SECRET|token|Token|TOKEN|credential|Credential|CREDENTIAL|key|Key|KEY|auth|Auth|AUTH|private|Private|PRIVATE|signature|Signature|SIGNATURE|cookie|Cookie|COOKIE)[A-Za-z0-9_.-]*)"#,
    r#"(?P<sep>(?:\\?["'])?(?:[ \t]*:[ \t]*[&A-Za-z_][A-Za-z0-9_<>\[\]&']*)?[ \t]*(?::=|=>|=|:)[ \t]*)"#,
    r#"(?P<value>\\"(?:[^"\\\n]|\\[^"\n])*\\"|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`|[^\s"'`]+)"#,
);

/// What any rule above needs to find in a text; a text without any of it is clean, found in one pass. Every
/// literal has three bytes or more: a search for two-byte ones runs ten times slower.
pub(super) const CANDIDATE: &str = concat!(
    r"-----BEGIN|sk-|AKIA|ASIA|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|AIza|GOCSPX-|xox|xapp-|hooks\.slack\.com|",
    r"k_live_|k_test_|eyJ|://|",
    r"bearer|Bearer|BEARER|",
    r"pass|Pass|PASS|pwd|Pwd|PWD|secret|Secret|SECRET|token|Token|TOKEN|credential|Credential|CREDENTIAL|key|Key|KEY|",
    r"auth|Auth|AUTH|private|Private|PRIVATE|signature|Signature|SIGNATURE|cookie|Cookie|COOKIE",
);

/// Every rule, in order of priority.
pub(super) fn all() -> Vec<Rule> {
    let rule = |pattern: &'static str, decide: fn(&Captures<'_>, &str) -> Decision| Rule {
        pattern,
        regex: OnceLock::new(),
        decide,
        screen_opt: None,
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
        Rule {
            screen_opt: Some(not_a_secrets_name),
            ..rule(ASSIGNMENT, assignment)
        },
    ]
}

impl Rule {
    /// The rule's compiled pattern.
    pub(super) fn regex(&self) -> &Regex {
        // The patterns are constants, all compiled by the tests: failing here is a bug.
        self.regex
            .get_or_init(|| Regex::new(self.pattern).expect("a redaction rule compiles"))
    }
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

/// Where a name of `text` holding `at` starts and ends: letters, digits, `_`, `.` and `-`.
fn name_around(text: &str, at: usize) -> (usize, usize) {
    let in_name = |char: char| char.is_ascii_alphanumeric() || matches!(char, '_' | '.' | '-');
    // After the character before the name, however many bytes it takes (`“token: …`, `使用key=…`).
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|(_, char)| !in_name(*char))
        .map_or(0, |(before, char)| before + char.len_utf8());
    let end = text[at..]
        .find(|char: char| !in_name(char))
        .map_or(text.len(), |after| at + after);
    (start, end)
}

/// Most candidates for an assignment are not one (`max_tokens = 4096`, `if key == other`): told from the name
/// alone, and what follows it, they are passed over without their groups being taken.
fn not_a_secrets_name(text: &str, at: usize) -> Option<usize> {
    let (start, end) = name_around(text, at);
    let after = text[end..].trim_start_matches(['"', '\'', '\\', ' ', '\t']);
    (secret_name(&text[start..end]).is_none() && !text[..start].ends_with("\\")
        || after.starts_with("==")
        || after.starts_with("!="))
    .then_some(end)
}

/// An assignment: the value is redacted when the name says it is secret and the value is not a reference
/// to one held elsewhere. After a match that is not one, the search resumes at the value, so that a
/// `note: password=hunter2` is still found.
fn assignment(captures: &Captures<'_>, text: &str) -> Decision {
    let (Some(word), Some(sep), Some(value)) = (
        captures.name("word"),
        captures.name("sep"),
        captures.name("value"),
    ) else {
        return keep_after(captures);
    };
    let (name_start, _) = name_around(text, word.start());
    let name = &text[name_start..word.end()];
    let keep = Decision::Keep {
        resume: value.start(),
    };
    let raw = value.as_str();
    let before = &text[..name_start];
    // A comparison (`==`, `!=`, `<=`, `>=`), not an assignment; or the tail of a longer token (base64
    // data ending `…/pw=` or `…+key=`, a path), not a name. A `+` or `-` that starts a line is a diff's.
    if raw.starts_with('=')
        || text[..word.end()].ends_with(['!', '<', '>'])
        || before.ends_with('/')
        || (before.ends_with('+')
            && before[..before.len() - 1]
                .ends_with(|char: char| char.is_ascii_alphanumeric() || char == '/' || char == '+'))
    {
        return keep;
    }
    // After an escaped newline or tab (`\nDB_PASSWORD=…` in a log line) the name starts after the escape.
    let name_text = match name.strip_prefix(['n', 'r', 't']) {
        Some(rest) if before.ends_with('\\') => rest,
        _ => name,
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
