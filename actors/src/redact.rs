//! Secrets never leave a node: text bound for a checkpoint, an event, a log line or an export goes through
//! [`redact`] first, which replaces each secret it recognizes by a marker naming its kind,
//! `[redacted: anthropic api key]`, and keeps everything around it (`password=[redacted: password]`).
//!
//! What is recognized is listed in [`SecretKind`]; docs/security.md ("Secrets") holds the same list, and a
//! test keeps the two equal. Two sorts of rules find secrets:
//! - formats that are secret wherever they appear: the API keys and tokens of the common providers, PEM
//!   private keys, JSON web tokens, the password of a URL, `Authorization` headers;
//! - values assigned to a name that says it is secret (`password=`, `DB_PASSWORD=`, `"api_key": "…"`,
//!   `.env` lines), decided by [`secret_name`]. A value that only stands for a secret held elsewhere
//!   (`${DB_PASSWORD}`, `<your-password>`, `process.env.TOKEN`, `****`, an empty value) is left as it is.
//!
//! Cost: every rule is linear in the text (the `regex` crate). One pass for what every rule needs to find
//! (a key's prefix, `-----BEGIN`, `://`, a word such as `pass`, `token`, `key`) tells whether any can
//! match at all: text without any of it costs that pass and comes back borrowed. Otherwise each rule
//! searches the text, starting from its own literal.

mod names;
mod rules;
#[cfg(test)]
mod tests;

use std::{borrow::Cow, collections::BTreeMap, ops::Range, sync::LazyLock};

use regex::Regex;

pub use names::{Named, secret_name};

/// A kind of secret [`redact`] recognizes; its [`name`](SecretKind::name) is what the marker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SecretKind {
    /// An Anthropic API key: `sk-ant-…`.
    AnthropicApiKey,
    /// An OpenAI API key: `sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`, or `sk-` and 32 or more letters and
    /// digits.
    OpenAiApiKey,
    /// An AWS access key id: `AKIA` or `ASIA` and 16 capitals or digits.
    AwsAccessKeyId,
    /// An AWS secret access key, assigned to a name such as `aws_secret_access_key`.
    AwsSecretAccessKey,
    /// A GitHub token: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`, `github_pat_`.
    GithubToken,
    /// A Google API key: `AIza` and 35 characters.
    GoogleApiKey,
    /// A Google OAuth client secret: `GOCSPX-…`.
    GoogleOauthClientSecret,
    /// A Slack token: `xoxb-`, `xoxp-`, `xoxa-`, `xoxo-`, `xoxr-`, `xoxs-`, `xoxe-`, `xapp-`.
    SlackToken,
    /// A Slack webhook URL: `https://hooks.slack.com/services/…` (also `workflows/`, `triggers/`).
    SlackWebhookUrl,
    /// A Stripe secret or restricted key: `sk_live_`, `rk_live_`, `sk_test_`, `rk_test_`.
    StripeSecretKey,
    /// The token of an `Authorization: Bearer …` header, or of `Bearer …` anywhere.
    BearerToken,
    /// The credentials of an `Authorization: Basic …` header.
    BasicCredentials,
    /// A PEM private key (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP …), the whole block.
    PrivateKey,
    /// A JSON web token: three base64url parts, the first starting `eyJ`.
    JsonWebToken,
    /// The password of a URL: `postgres://user:<password>@host`.
    UrlPassword,
    /// A value assigned to a password's name: `password=`, `DB_PASSWORD=`, `"passwd": …`.
    Password,
    /// A value assigned to another secret's name: `API_KEY=`, `client_secret:`, `"token": …`.
    Secret,
}

impl SecretKind {
    /// Every kind, in the order docs/security.md lists them.
    pub const ALL: [SecretKind; 17] = [
        SecretKind::AnthropicApiKey,
        SecretKind::OpenAiApiKey,
        SecretKind::AwsAccessKeyId,
        SecretKind::AwsSecretAccessKey,
        SecretKind::GithubToken,
        SecretKind::GoogleApiKey,
        SecretKind::GoogleOauthClientSecret,
        SecretKind::SlackToken,
        SecretKind::SlackWebhookUrl,
        SecretKind::StripeSecretKey,
        SecretKind::BearerToken,
        SecretKind::BasicCredentials,
        SecretKind::PrivateKey,
        SecretKind::JsonWebToken,
        SecretKind::UrlPassword,
        SecretKind::Password,
        SecretKind::Secret,
    ];

    /// Returns the name the marker gives: `anthropic api key`.
    pub fn name(self) -> &'static str {
        match self {
            SecretKind::AnthropicApiKey => "anthropic api key",
            SecretKind::OpenAiApiKey => "openai api key",
            SecretKind::AwsAccessKeyId => "aws access key id",
            SecretKind::AwsSecretAccessKey => "aws secret access key",
            SecretKind::GithubToken => "github token",
            SecretKind::GoogleApiKey => "google api key",
            SecretKind::GoogleOauthClientSecret => "google oauth client secret",
            SecretKind::SlackToken => "slack token",
            SecretKind::SlackWebhookUrl => "slack webhook url",
            SecretKind::StripeSecretKey => "stripe secret key",
            SecretKind::BearerToken => "bearer token",
            SecretKind::BasicCredentials => "basic credentials",
            SecretKind::PrivateKey => "private key",
            SecretKind::JsonWebToken => "json web token",
            SecretKind::UrlPassword => "url password",
            SecretKind::Password => "password",
            SecretKind::Secret => "secret",
        }
    }

    /// Returns the marker that replaces a secret of this kind: `[redacted: anthropic api key]`.
    pub fn marker(self) -> String {
        format!("{MARKER_START}{}]", self.name())
    }
}

/// How every marker starts.
pub const MARKER_START: &str = "[redacted: ";

/// The compiled rules, and what a text must hold for any of them to match.
struct Engine {
    candidate: Regex,
    rules: Vec<rules::Rule>,
}

static ENGINE: LazyLock<Engine> = LazyLock::new(|| Engine {
    // A constant, compiled by the tests: failing here is a bug, not a runtime condition.
    candidate: Regex::new(rules::CANDIDATE).expect("the candidates' pattern compiles"),
    rules: rules::all(),
});

/// Compiles the rules now rather than on the first text that needs them (a node does it at start, so no
/// event or log line pays for it).
pub fn warm_up() {
    for rule in &ENGINE.rules {
        rule.regex();
    }
}

/// Returns `text` with every secret replaced by its kind's marker, borrowed when there is none.
pub fn redact(text: &str) -> Cow<'_, str> {
    let found = find(text);
    if found.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, (end, kind)) in found {
        out.push_str(&text[at..start]);
        out.push_str(MARKER_START);
        out.push_str(kind.name());
        out.push(']');
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// Redacts `text` in place; returns whether anything was.
pub fn redact_in_place(text: &mut String) -> bool {
    match redact(text) {
        Cow::Borrowed(_) => false,
        Cow::Owned(redacted) => {
            *text = redacted;
            true
        }
    }
}

/// Redacts every string in `value`, at any depth; object keys stay. A string under a key that names a
/// secret (`"password"`, `"api_key"`, `"x-api-key"`) is replaced whole unless it only stands for a secret
/// held elsewhere. Returns whether anything was redacted.
pub fn redact_json(value: &mut serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::String(text) => redact_in_place(text),
        Value::Array(items) => items
            .iter_mut()
            .fold(false, |changed, item| redact_json(item) | changed),
        Value::Object(map) => map.iter_mut().fold(false, |changed, (key, item)| {
            let redacted = match item {
                Value::String(text) => {
                    redact_in_place(text)
                        || secret_name(key).is_some_and(|named| redact_named(text, named))
                }
                other => redact_json(other),
            };
            redacted | changed
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => false,
    }
}

/// Replaces `text`, the value of a field named as a secret, by the marker when it could be one.
fn redact_named(text: &mut String, named: names::Named) -> bool {
    if !named.holds(text) {
        return false;
    }
    *text = named.kind.marker();
    true
}

/// The secrets in `text`: start → (end, kind), none overlapping. Rules run in their order of priority; a
/// later rule's find that overlaps an earlier one's is dropped.
fn find(text: &str) -> BTreeMap<usize, (usize, SecretKind)> {
    let mut found: BTreeMap<usize, (usize, SecretKind)> = BTreeMap::new();
    let engine = &*ENGINE;
    if !engine.candidate.is_match(text) {
        return found;
    }
    for rule in &engine.rules {
        let mut at = 0;
        while at <= text.len() {
            // Finding a match is fast, taking its groups is not: a text with no match never pays for groups,
            // and the screen passes most near-misses over before theirs are taken.
            let Some(candidate) = rule.regex().find_at(text, at) else {
                break;
            };
            if let Some(resume) = rule
                .screen_opt
                .and_then(|screen| screen(text, candidate.start()))
            {
                at = resume.max(next_char(text, candidate.start()));
                continue;
            }
            // The same match, its groups taken this time.
            let Some(captures) = rule.regex().captures_at(text, candidate.start()) else {
                break;
            };
            let whole = captures.get(0).map_or(at..at, |whole| whole.range());
            match (rule.decide)(&captures, text) {
                rules::Decision::Secret(range, kind) => {
                    if !range.is_empty() && !overlaps(&found, &range) {
                        found.insert(range.start, (range.end, kind));
                    }
                    at = whole.end.max(range.end);
                }
                rules::Decision::Keep { resume } => at = resume,
            }
            // Never loop in place: an empty match or a resume at the match's start moves on by a char.
            if at <= whole.start {
                at = next_char(text, whole.start);
            }
        }
    }
    found
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len() + 1, |next| at + next.len_utf8())
}

fn overlaps(found: &BTreeMap<usize, (usize, SecretKind)>, range: &Range<usize>) -> bool {
    if let Some((_, (end, _))) = found.range(..=range.start).next_back()
        && *end > range.start
    {
        return true;
    }
    found.range(range.start..range.end).next().is_some()
}
