//! Failures from a tool's output: its machine-readable format where it has one (cargo's JSON messages,
//! libtest's report, `go test -json`, pytest's `-rf --tb=line` summary, tsc's `file(line,col)` lines,
//! `cargo fmt --check` and `gofmt -l`), the generic `file:line[:col]` otherwise.
//!
//! Every parser reads bounded text (the runner caps what it keeps), returns at most [`MAX_FAILURES`] and
//! never panics on what it cannot read: a line it does not understand is skipped.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Most failures one command reports; the rest are counted, not listed.
pub const MAX_FAILURES: usize = 100;
/// Longest message kept for one failure, in bytes.
const MAX_MESSAGE: usize = 2_000;

/// One thing that keeps the tree from verifying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// What failed: `check` (a compile or type error), `test`, `format`, `timeout` (the command ran out of
    /// time and was killed) or `command` (it failed without saying where, or could not start).
    pub kind: String,
    /// The file, relative to the project when it is inside it.
    pub file: Option<String>,
    /// The line, from 1.
    pub line: Option<u32>,
    /// The column, from 1.
    pub column: Option<u32>,
    /// What the tool said.
    pub message: String,
}

impl Failure {
    /// A failure of `kind` with no place.
    pub fn unplaced(kind: &str, message: impl Into<String>) -> Self {
        Failure {
            kind: kind.to_owned(),
            file: None,
            line: None,
            column: None,
            message: clip(message.into()),
        }
    }

    fn at(kind: &str, file: &str, line: Option<u32>, column: Option<u32>, message: String) -> Self {
        Failure {
            kind: kind.to_owned(),
            file: Some(file.to_owned()),
            line,
            column,
            message: clip(message),
        }
    }
}

/// `file:line:col: kind: message`, the place as much as it is known (`kind: message` without one).
impl std::fmt::Display for Failure {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.file, self.line, self.column) {
            (Some(file), Some(line), Some(column)) => {
                write!(formatter, "{file}:{line}:{column}: ")?
            }
            (Some(file), Some(line), None) => write!(formatter, "{file}:{line}: ")?,
            (Some(file), None, _) => write!(formatter, "{file}: ")?,
            (None, ..) => {}
        }
        write!(formatter, "{}: {}", self.kind, self.message)
    }
}

/// Which parser reads a command's output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// `cargo ... --message-format=json`, with libtest's text report beside it.
    Cargo,
    /// `cargo fmt --check`.
    Rustfmt,
    /// `go test -json` (and `go vet`'s `file:line:col` lines).
    GoTest,
    /// `gofmt -l`: one unformatted file per line.
    Gofmt,
    /// pytest with `-rf --tb=line`.
    Pytest,
    /// `tsc --pretty false`.
    Tsc,
    /// Any tool: `file:line[:col]: message` lines.
    Generic,
}

impl Format {
    /// The parser for a command, from its program and arguments.
    pub fn of(command: &[String]) -> Format {
        let program = command
            .first()
            .map(|program| {
                Path::new(program)
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let has = |word: &str| command.iter().skip(1).any(|arg| arg == word);
        match program.as_str() {
            "cargo" if has("fmt") => Format::Rustfmt,
            "cargo" => Format::Cargo,
            "go" if has("-json") => Format::GoTest,
            "gofmt" => Format::Gofmt,
            "pytest" | "py.test" => Format::Pytest,
            "python" | "python3" if has("pytest") => Format::Pytest,
            "tsc" => Format::Tsc,
            "npx" if has("tsc") => Format::Tsc,
            _ => Format::Generic,
        }
    }
}

/// Parses `output` (stdout then stderr) of a command run for step `kind` in `project`.
pub fn parse(format: Format, kind: &str, output: &str, project: &Path) -> Vec<Failure> {
    let mut failures = match format {
        Format::Cargo => cargo(kind, output),
        Format::Rustfmt => rustfmt(output),
        Format::GoTest => go_test(kind, output),
        Format::Gofmt => gofmt(output),
        Format::Pytest => pytest(output),
        Format::Tsc => tsc(kind, output),
        Format::Generic => generic(kind, output),
    };
    failures.truncate(MAX_FAILURES);
    for failure in &mut failures {
        if let Some(file) = &failure.file {
            failure.file = Some(relative(file, project));
        }
    }
    failures
}

/// `file` relative to `project` when it is inside it; as given otherwise.
pub fn relative(file: &str, project: &Path) -> String {
    let path = Path::new(file);
    if path.is_absolute() {
        if let Ok(inside) = path.strip_prefix(project) {
            return inside.to_string_lossy().into_owned();
        }
        if let Ok(canonical) = project.canonicalize()
            && let Ok(inside) = path.strip_prefix(&canonical)
        {
            return inside.to_string_lossy().into_owned();
        }
    }
    file.strip_prefix("./").unwrap_or(file).to_owned()
}

fn clip(mut message: String) -> String {
    if message.len() > MAX_MESSAGE {
        let mut end = MAX_MESSAGE;
        while !message.is_char_boundary(end) {
            end -= 1;
        }
        message.truncate(end);
        message.push('…');
    }
    message
}

fn number(text: &str) -> Option<u32> {
    text.trim().parse().ok().filter(|number| *number > 0)
}

/// Splits `file:line[:col][: rest]` (the shape of rustc's, go's and most tools' locations).
fn location(text: &str) -> Option<(&str, u32, Option<u32>, &str)> {
    let (file, after) = text.split_once(':')?;
    let file = file.trim();
    let (line_text, after) = after.split_once(':').unwrap_or((after, ""));
    let line = number(line_text)?;
    let (column, rest) = match after.split_once(':') {
        Some((column, rest)) if number(column).is_some() => (number(column), rest),
        _ if number(after).is_some() => (number(after), ""),
        _ => (None, after),
    };
    let plausible = !file.is_empty()
        && file.len() < 1024
        && !file.contains(char::is_whitespace)
        && !file.contains("//")
        && (file.contains('.') || file.contains('/'))
        && !file
            .chars()
            .all(|char| char.is_ascii_digit() || char == '.');
    plausible.then_some((file, line, column, rest.trim()))
}

/// cargo's `compiler-message` lines at level error, then libtest's failures.
fn cargo(kind: &str, output: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    for line in output.lines() {
        if failures.len() >= MAX_FAILURES {
            break;
        }
        if !line.starts_with('{') {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if value["reason"] != "compiler-message" {
            continue;
        }
        let message = &value["message"];
        let level = message["level"].as_str().unwrap_or("");
        if !level.starts_with("error") {
            continue;
        }
        let text = message["message"].as_str().unwrap_or("").to_owned();
        let spans = message["spans"].as_array();
        let primary = spans.and_then(|spans| {
            spans
                .iter()
                .find(|span| span["is_primary"] == true)
                .or_else(|| spans.first())
        });
        match primary.and_then(|span| span["file_name"].as_str().map(|file| (span, file))) {
            Some((span, file)) => failures.push(Failure::at(
                "check",
                file,
                span["line_start"]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok()),
                span["column_start"]
                    .as_u64()
                    .and_then(|n| u32::try_from(n).ok()),
                text,
            )),
            // "aborting due to N previous errors" and the like repeat what is listed.
            None if text.starts_with("aborting due to") => {}
            None => failures.push(Failure::unplaced("check", text)),
        }
    }
    failures.extend(libtest(kind, output));
    failures
}

/// libtest's report: `---- name stdout ----` sections with `panicked at file:line:col`, and `test name ...
/// FAILED` lines for failures without a section.
fn libtest(kind: &str, output: &str) -> Vec<Failure> {
    let mut failures: Vec<Failure> = Vec::new();
    let mut current: Option<usize> = None;
    let mut take_next_as_message = false;
    for line in output.lines() {
        if failures.len() >= MAX_FAILURES {
            break;
        }
        if let Some(name) = line
            .strip_prefix("---- ")
            .and_then(|rest| rest.strip_suffix(" stdout ----"))
        {
            failures.push(Failure::unplaced(kind, format!("test {name} failed")));
            current = Some(failures.len() - 1);
            take_next_as_message = false;
            continue;
        }
        let Some(index) = current else {
            continue;
        };
        if line.is_empty() || line == "failures:" || line.starts_with("test result:") {
            take_next_as_message = false;
            if line == "failures:" || line.starts_with("test result:") {
                current = None;
            }
            continue;
        }
        if take_next_as_message {
            let failure = &mut failures[index];
            failure.message = clip(format!("{}: {line}", failure.message));
            take_next_as_message = false;
            continue;
        }
        if let Some((_, after)) = line.split_once("panicked at ") {
            let failure = &mut failures[index];
            // 1.73 and later: `panicked at src/lib.rs:3:5:` and the message on the next line; before:
            // `panicked at 'message', src/lib.rs:3:5`.
            let (place, old_message) = match after.strip_prefix('\'') {
                Some(quoted) => match quoted.rsplit_once("', ") {
                    Some((message, place)) => (place, Some(message)),
                    None => (quoted, None),
                },
                None => (after.strip_suffix(':').unwrap_or(after), None),
            };
            if let Some((file, line, column, _)) = location(place) {
                failure.file = Some(file.to_owned());
                failure.line = Some(line);
                failure.column = column;
            }
            match old_message {
                Some(message) => failure.message = clip(format!("{}: {message}", failure.message)),
                None => take_next_as_message = true,
            }
        }
    }
    for line in output.lines() {
        if failures.len() >= MAX_FAILURES {
            break;
        }
        if let Some(name) = line
            .strip_prefix("test ")
            .and_then(|rest| rest.strip_suffix(" ... FAILED"))
        {
            let known = format!("test {name} failed");
            if !failures
                .iter()
                .any(|failure| failure.message.starts_with(&known))
            {
                failures.push(Failure::unplaced(kind, known));
            }
        }
    }
    failures
}

/// `cargo fmt --check`: `Diff in /path/file.rs:3:` or `Diff in /path/file.rs at line 3:`.
fn rustfmt(output: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    for line in output.lines() {
        if failures.len() >= MAX_FAILURES {
            break;
        }
        let Some(rest) = line.strip_prefix("Diff in ") else {
            continue;
        };
        let rest = rest.strip_suffix(':').unwrap_or(rest);
        let (file, line_opt) = match rest.rsplit_once(" at line ") {
            Some((file, line)) => (file, number(line)),
            None => match location(rest) {
                Some((file, line, _, _)) => (file, Some(line)),
                None => (rest, None),
            },
        };
        failures.push(Failure::at(
            "format",
            file.trim(),
            line_opt,
            None,
            "not formatted (run the formatter)".to_owned(),
        ));
    }
    failures
}

/// `gofmt -l`: the files that are not formatted.
fn gofmt(output: &str) -> Vec<Failure> {
    output
        .lines()
        .map(str::trim)
        .filter(|line| line.ends_with(".go") && !line.contains(char::is_whitespace))
        .take(MAX_FAILURES)
        .map(|file| {
            Failure::at(
                "format",
                file,
                None,
                None,
                "not formatted (run gofmt -w)".to_owned(),
            )
        })
        .collect()
}

/// `go test -json`: a failed test with the `file:line: message` lines of its output; a build failure's
/// `file:line:col` lines; other lines through [`generic`].
fn go_test(kind: &str, output: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    let mut outputs: Vec<(String, String)> = Vec::new();
    let mut loose = String::new();
    for line in output.lines() {
        if !line.starts_with('{') {
            loose.push_str(line);
            loose.push('\n');
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let test = value["Test"].as_str().unwrap_or("");
        match value["Action"].as_str().unwrap_or("") {
            "output" => {
                let text = value["Output"].as_str().unwrap_or("");
                if test.is_empty() {
                    loose.push_str(text);
                } else if outputs.len() < 10_000 {
                    outputs.push((test.to_owned(), text.to_owned()));
                }
            }
            "fail" if !test.is_empty() && failures.len() < MAX_FAILURES => {
                let mut failure = Failure::unplaced(kind, format!("test {test} failed"));
                for (_, text) in outputs.iter().filter(|(name, _)| name == test) {
                    if let Some((file, line, column, rest)) = location(text.trim())
                        && failure.file.is_none()
                    {
                        failure.file = Some(file.to_owned());
                        failure.line = Some(line);
                        failure.column = column;
                        failure.message = clip(format!("{}: {rest}", failure.message));
                    }
                }
                failures.push(failure);
            }
            _ => {}
        }
    }
    let placed = generic(kind, &loose);
    failures.extend(placed);
    failures
}

/// pytest with `-rf --tb=line`: `FAILED path::name - message`, placed by the `path:line: message` line of
/// the same file.
fn pytest(output: &str) -> Vec<Failure> {
    let mut places: Vec<(&str, u32, &str)> = Vec::new();
    for line in output.lines() {
        if places.len() >= 10_000 {
            break;
        }
        if let Some((file, line, None, rest)) = location(line)
            && file.ends_with(".py")
        {
            places.push((file, line, rest));
        }
    }
    let mut failures = Vec::new();
    for line in output.lines() {
        if failures.len() >= MAX_FAILURES {
            break;
        }
        let Some(rest) = line.strip_prefix("FAILED ") else {
            continue;
        };
        let (test, message) = rest.split_once(" - ").unwrap_or((rest, ""));
        let file = test.split("::").next().unwrap_or(test);
        let place = places
            .iter()
            .find(|(place, _, _)| place.ends_with(file) || file.ends_with(place));
        let message = match message {
            "" => format!("test {test} failed"),
            message => format!("test {test} failed: {message}"),
        };
        failures.push(Failure::at(
            "test",
            file,
            place.map(|(_, line, _)| *line),
            None,
            message,
        ));
    }
    if failures.is_empty() {
        // Errors during collection have no FAILED line.
        for line in output.lines() {
            if failures.len() >= MAX_FAILURES {
                break;
            }
            if let Some(rest) = line.strip_prefix("ERROR ") {
                let file = rest.split("::").next().unwrap_or(rest).trim();
                let file = file.split(" - ").next().unwrap_or(file);
                failures.push(Failure::at("test", file, None, None, line.to_owned()));
            }
        }
    }
    failures
}

/// tsc `--pretty false`: `src/a.ts(3,5): error TS2322: message`.
fn tsc(kind: &str, output: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    for line in output.lines() {
        if failures.len() >= MAX_FAILURES {
            break;
        }
        let Some((head, message)) = line.split_once("): error ") else {
            continue;
        };
        let Some((file, place)) = head.rsplit_once('(') else {
            continue;
        };
        let (line_text, column_text) = place.split_once(',').unwrap_or((place, ""));
        let Some(line) = number(line_text) else {
            continue;
        };
        failures.push(Failure::at(
            kind,
            file.trim(),
            Some(line),
            number(column_text),
            message.to_owned(),
        ));
    }
    failures
}

/// Any `file:line[:col][: message]` line (rustc's ` --> ` lines too); the line itself is the message when it
/// says nothing after the place.
fn generic(kind: &str, output: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    for line in output.lines() {
        if failures.len() >= MAX_FAILURES {
            break;
        }
        let trimmed = line.trim();
        let trimmed = trimmed.strip_prefix("--> ").unwrap_or(trimmed);
        if let Some((file, number, column, rest)) = location(trimmed) {
            let message = if rest.is_empty() { trimmed } else { rest };
            failures.push(Failure::at(
                kind,
                file,
                Some(number),
                column,
                message.to_owned(),
            ));
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROJECT: &str = "/home/me/project";

    fn run(format: Format, kind: &str, output: &str) -> Vec<Failure> {
        parse(format, kind, output, Path::new(PROJECT))
    }

    #[test]
    fn cargo_errors_come_from_the_json_messages() {
        let output = r#"{"reason":"compiler-artifact","target":{}}
{"reason":"compiler-message","message":{"level":"warning","message":"unused","spans":[{"file_name":"src/lib.rs","line_start":1,"column_start":1,"is_primary":true}]}}
{"reason":"compiler-message","message":{"level":"error","message":"mismatched types","spans":[{"file_name":"src/other.rs","line_start":9,"column_start":9,"is_primary":false},{"file_name":"/home/me/project/src/lib.rs","line_start":3,"column_start":17,"is_primary":true}]}}
{"reason":"compiler-message","message":{"level":"error","message":"aborting due to 1 previous error","spans":[]}}
{"reason":"build-finished","success":false}"#;
        assert_eq!(
            run(Format::Cargo, "check", output),
            vec![Failure {
                kind: "check".to_owned(),
                file: Some("src/lib.rs".to_owned()),
                line: Some(3),
                column: Some(17),
                message: "mismatched types".to_owned(),
            }]
        );
    }

    #[test]
    fn libtest_failures_are_named_and_placed() {
        let output = "running 2 tests
test tests::adds ... FAILED
test tests::other ... ok

failures:

---- tests::adds stdout ----

thread 'tests::adds' panicked at src/lib.rs:10:9:
assertion `left == right` failed
  left: 3
 right: 4
note: run with `RUST_BACKTRACE=1`

failures:
    tests::adds

test result: FAILED. 1 passed; 1 failed
";
        let failures = run(Format::Cargo, "test", output);
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert_eq!(failures[0].kind, "test");
        assert_eq!(failures[0].file.as_deref(), Some("src/lib.rs"));
        assert_eq!((failures[0].line, failures[0].column), (Some(10), Some(9)));
        assert_eq!(
            failures[0].message,
            "test tests::adds failed: assertion `left == right` failed"
        );
        let old = "---- t stdout ----\nthread 't' panicked at 'boom', src/a.rs:2:3\n";
        let failures = run(Format::Cargo, "test", old);
        assert_eq!(failures[0].message, "test t failed: boom");
        assert_eq!(failures[0].line, Some(2));
    }

    #[test]
    fn go_test_json_places_a_failed_test() {
        let output = r#"{"Action":"run","Package":"m","Test":"TestAdd"}
{"Action":"output","Package":"m","Test":"TestAdd","Output":"    add_test.go:9: got 3, want 4\n"}
{"Action":"fail","Package":"m","Test":"TestAdd"}
{"Action":"fail","Package":"m"}"#;
        let failures = run(Format::GoTest, "test", output);
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert_eq!(failures[0].file.as_deref(), Some("add_test.go"));
        assert_eq!(failures[0].line, Some(9));
        assert_eq!(failures[0].message, "test TestAdd failed: got 3, want 4");
        let vet = "# m\n./add.go:3:2: declared and not used: x\n";
        let failures = run(Format::Generic, "check", vet);
        assert_eq!(failures[0].file.as_deref(), Some("add.go"));
        assert_eq!((failures[0].line, failures[0].column), (Some(3), Some(2)));
        assert_eq!(failures[0].message, "declared and not used: x");
    }

    #[test]
    fn pytest_and_tsc_and_rustfmt_and_gofmt() {
        let pytest_output = "/home/me/project/tests/test_a.py:4: assert 1 == 2
FAILED tests/test_a.py::test_one - assert 1 == 2
1 failed in 0.01s";
        let failures = run(Format::Pytest, "test", pytest_output);
        assert_eq!(failures[0].file.as_deref(), Some("tests/test_a.py"));
        assert_eq!(failures[0].line, Some(4));
        assert_eq!(
            failures[0].message,
            "test tests/test_a.py::test_one failed: assert 1 == 2"
        );
        let tsc_output =
            "src/a.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.";
        let failures = run(Format::Tsc, "check", tsc_output);
        assert_eq!(failures[0].file.as_deref(), Some("src/a.ts"));
        assert_eq!((failures[0].line, failures[0].column), (Some(3), Some(5)));
        assert!(failures[0].message.starts_with("TS2322"));
        let fmt = "Diff in /home/me/project/src/lib.rs:1:\n-fn  a(){}\n+fn a() {}\n";
        let failures = run(Format::Rustfmt, "format", fmt);
        assert_eq!(failures[0].file.as_deref(), Some("src/lib.rs"));
        assert_eq!(failures[0].line, Some(1));
        let failures = run(Format::Gofmt, "format", "add.go\n");
        assert_eq!(failures[0].file.as_deref(), Some("add.go"));
    }

    #[test]
    fn the_generic_parser_skips_what_is_not_a_place() {
        let output = "started at 12:30:45\nsee http://example:80/x\nlib/a.js:7: unexpected token\n";
        let failures = run(Format::Generic, "check", output);
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert_eq!(failures[0].file.as_deref(), Some("lib/a.js"));
        assert_eq!(failures[0].line, Some(7));
    }

    #[test]
    fn the_parser_follows_the_command() {
        let of =
            |words: &[&str]| Format::of(&words.iter().map(|w| w.to_string()).collect::<Vec<_>>());
        assert_eq!(
            of(&["cargo", "check", "--message-format=json"]),
            Format::Cargo
        );
        assert_eq!(of(&["cargo", "fmt", "--check"]), Format::Rustfmt);
        assert_eq!(of(&["go", "test", "-json", "./..."]), Format::GoTest);
        assert_eq!(of(&["/usr/bin/pytest", "-q"]), Format::Pytest);
        assert_eq!(of(&["npx", "tsc", "--noEmit"]), Format::Tsc);
        assert_eq!(of(&["make"]), Format::Generic);
    }

    #[test]
    fn output_past_the_limit_is_counted_not_listed() {
        let output = "a.rs:1: x\n".repeat(MAX_FAILURES * 3);
        assert_eq!(run(Format::Generic, "check", &output).len(), MAX_FAILURES);
    }
}
