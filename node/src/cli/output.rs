//! What the one-shot commands print. A reader that stops early (`shim-node resume | head -1`) closes their
//! stdout; like a Unix tool they then end at once and quietly, exit 0, instead of panicking (Rust ignores
//! SIGPIPE, so a write to a closed pipe fails with `BrokenPipe` and `println!` panics on it). `run` and `mcp`
//! do not use this: a daemon must not end because whatever read its output went away.

use std::io::Write;

/// Writes `args` to stdout and flushes; on a closed stdout ends the process quietly (exit 0), on any other
/// write error says so on stderr and ends it with exit code 1.
pub fn write(args: std::fmt::Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_fmt(args).and_then(|()| stdout.flush());
    if let Err(error) = written {
        drop(stdout);
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        let _ = writeln!(std::io::stderr(), "error: cannot write to stdout: {error}");
        std::process::exit(i32::from(super::exit::ERROR));
    }
}
