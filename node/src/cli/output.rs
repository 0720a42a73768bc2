//! What the one-shot commands print. A reader that stops early (`shim-node resume | head -1`) closes their
//! stdout; like a Unix tool they then end at once and quietly, exit 0, instead of panicking (Rust ignores
//! SIGPIPE, so a write to a closed pipe fails with `BrokenPipe` and `println!` panics on it). `run` and `mcp`
//! do not use this: a daemon must not end because whatever read its output went away.
//!
//! On a terminal, control characters other than newline and tab are shown as escapes (`\u{1b}`), not
//! written: a task's title or result, a chat's name, come from other chats and teammates, and an escape
//! sequence among them would otherwise drive the person's terminal (retitle it, move the cursor, rewrite what
//! it shows). Written to a pipe or a file, the text stays as it is; JSON escapes them anyway.

use std::{
    borrow::Cow,
    io::{IsTerminal, Write},
};

/// Writes `args` to stdout and flushes; on a closed stdout ends the process quietly (exit 0), on any other
/// write error says so on stderr and ends it with exit code 1.
pub fn write(args: std::fmt::Arguments<'_>) {
    let stdout = std::io::stdout();
    if stdout.is_terminal() {
        put(visible(&args.to_string()).as_bytes());
    } else {
        put_fmt(args);
    }
}

/// [`write`] with the control characters it holds written as they are, for the one line whose colours SHIM
/// composes itself (the status line); what it shows of others' text it makes [`visible`] first.
pub fn write_raw(args: std::fmt::Arguments<'_>) {
    put_fmt(args);
}

/// `text` with every control character but newline and tab written as its escape.
pub fn visible(text: &str) -> Cow<'_, str> {
    let shown = |c: char| !c.is_control() || c == '\n' || c == '\t';
    if text.chars().all(shown) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if shown(c) {
                    c.to_string()
                } else {
                    c.escape_unicode().to_string()
                }
            })
            .collect(),
    )
}

fn put(bytes: &[u8]) {
    let written = {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(bytes).and_then(|()| stdout.flush())
    };
    finish(written);
}

fn put_fmt(args: std::fmt::Arguments<'_>) {
    let written = {
        let mut stdout = std::io::stdout().lock();
        stdout.write_fmt(args).and_then(|()| stdout.flush())
    };
    finish(written);
}

/// Ends the process on a failed write (the lock on stdout already released).
fn finish(written: std::io::Result<()>) {
    if let Err(error) = written {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let _ = writeln!(std::io::stderr(), "error: cannot write to stdout: {error}");
        std::process::exit(i32::from(super::exit::ERROR));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_but_newline_and_tab_are_shown_as_escapes() {
        assert!(matches!(visible("plain\ttext\n"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\u{1b}]0;x\u{7}b\n\tc\u{9b}\r\u{7f}"),
            "a\\u{1b}]0;x\\u{7}b\n\tc\\u{9b}\\u{d}\\u{7f}"
        );
    }
}
