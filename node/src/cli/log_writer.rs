//! Where `shim-node`'s logs go: stderr, each line redacted first ([`shim_actors::redact`]), so a secret a
//! log line quotes (a NATS URL with its password, a tool's output in an error) never reaches the terminal or
//! the log file of a node started in the background.
//!
//! The tracing formatter writes each event as one `write_all` of the whole formatted line; [`Redacted`]
//! takes it in one `write`, so a secret is never split across two writes.

use std::io::{self, Write};

use tracing_subscriber::fmt::MakeWriter;

/// The tracing writer: stderr, redacted.
#[derive(Debug, Clone, Copy, Default)]
pub struct RedactedStderr;

impl<'a> MakeWriter<'a> for RedactedStderr {
    type Writer = Redacted<io::Stderr>;

    fn make_writer(&'a self) -> Self::Writer {
        Redacted(io::stderr())
    }
}

/// A writer that redacts what it is given before passing it on.
#[derive(Debug)]
pub struct Redacted<W>(pub W);

impl<W: Write> Write for Redacted<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0
            .write_all(shim_actors::redact::redact(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::Redacted;

    #[test]
    fn a_line_is_written_redacted_and_a_clean_one_as_it_is() {
        let mut writer = Redacted(Vec::new());
        writer
            .write_all(b"INFO shim_node: up nats_url=nats://shim:hunter2hunter2@127.0.0.1:4222\n")
            .expect("written");
        writer
            .write_all(b"INFO shim_node: clean\n")
            .expect("written");
        assert_eq!(
            String::from_utf8(writer.0).expect("utf-8"),
            "INFO shim_node: up nats_url=nats://shim:[redacted: url password]@127.0.0.1:4222\n\
             INFO shim_node: clean\n"
        );
    }
}
