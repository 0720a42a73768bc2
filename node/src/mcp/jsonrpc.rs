//! What the MCP server makes of each line its client writes: a message for rmcp to serve, or a JSON-RPC
//! error to answer at once. rmcp ignores a line that is not JSON and answers a well-formed line it cannot
//! read with an error that has no id, so a client waiting on that id would wait for ever; here every line
//! that is not served is answered, with the request's id whenever one can be read from it.

use rmcp::model::{
    CallToolRequestParams, ClientJsonRpcMessage, ClientRequest, InitializeRequestParams,
    JsonRpcMessage,
};
use serde_json::{Map, Value, json};

/// The line is not JSON (or not UTF-8, or holds a string that is not unicode, such as a lone surrogate).
pub const PARSE_ERROR: i64 = -32700;
/// The JSON is not a JSON-RPC message.
pub const INVALID_REQUEST: i64 = -32600;
/// The method's params do not fit it.
pub const INVALID_PARAMS: i64 = -32602;

/// Bytes of a line kept to find its id in when the line is too long to keep whole.
pub const ID_SCAN_PREFIX: usize = 4096;

/// One line from the client, classified.
#[derive(Debug)]
pub enum Incoming {
    /// A message rmcp serves.
    Message(Box<ClientJsonRpcMessage>),
    /// A blank line: nothing to do.
    Blank,
    /// A line that cannot be served, with the reply to write: a JSON-RPC error, or (for a batch) an array
    /// of them.
    Reject(Value),
}

/// Classifies one line (without its newline).
pub fn classify(line: &[u8]) -> Incoming {
    let line = line
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(line)
        .trim_ascii();
    if line.is_empty() {
        return Incoming::Blank;
    }
    if let Ok(message) = serde_json::from_slice::<ClientJsonRpcMessage>(line) {
        // rmcp reads a standard method whose params do not fit as a custom request, and answers it
        // "method not found": the method exists, its params are wrong.
        if let JsonRpcMessage::Request(request) = &message
            && let ClientRequest::CustomRequest(custom) = &request.request
            && is_standard_request(&custom.method)
        {
            let id = serde_json::to_value(&request.id).unwrap_or(Value::Null);
            let params = custom.params.clone().unwrap_or(Value::Null);
            return Incoming::Reject(error_reply(
                id,
                INVALID_PARAMS,
                &params_error(&custom.method, &params),
            ));
        }
        return Incoming::Message(Box::new(message));
    }
    match serde_json::from_slice::<Value>(line) {
        Err(error) => Incoming::Reject(error_reply(
            recover_id(line),
            PARSE_ERROR,
            &describe_parse_error(line, &error),
        )),
        Ok(Value::Array(items)) => Incoming::Reject(reject_batch(&items)),
        Ok(Value::Object(object)) => Incoming::Reject(reject_object(&object)),
        Ok(_) => Incoming::Reject(error_reply(
            Value::Null,
            INVALID_REQUEST,
            "invalid request: a message is a json object",
        )),
    }
}

/// The reply to a line longer than the limit, of which `prefix` was kept.
pub fn too_long(prefix: &[u8], limit: usize) -> Value {
    error_reply(
        recover_id(prefix),
        INVALID_REQUEST,
        &format!("invalid request: the message is longer than {limit} bytes"),
    )
}

/// A JSON-RPC error response.
pub fn error_reply(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

/// Says why a line is not JSON, naming the two cases serde_json words obscurely.
fn describe_parse_error(line: &[u8], error: &serde_json::Error) -> String {
    if let Err(utf8) = std::str::from_utf8(line) {
        return format!(
            "parse error: the message is not utf-8 (byte {})",
            utf8.valid_up_to()
        );
    }
    let message = error.to_string();
    if message.contains("surrogate") || message.contains("hex escape") {
        return format!(
            "parse error: a \\u escape is not a unicode character (a lone surrogate?): {message}"
        );
    }
    format!("parse error: {message}")
}

/// The client-to-server requests of MCP, which rmcp reads into typed requests when their params fit.
fn is_standard_request(method: &str) -> bool {
    matches!(
        method,
        "initialize"
            | "ping"
            | "completion/complete"
            | "logging/setLevel"
            | "prompts/get"
            | "prompts/list"
            | "resources/list"
            | "resources/templates/list"
            | "resources/read"
            | "resources/subscribe"
            | "resources/unsubscribe"
            | "tools/call"
            | "tools/list"
    )
}

/// Says what is wrong with the params of a standard method.
fn params_error(method: &str, params: &Value) -> String {
    let detail = match method {
        "tools/call" => serde_json::from_value::<CallToolRequestParams>(params.clone()).err(),
        "initialize" => serde_json::from_value::<InitializeRequestParams>(params.clone()).err(),
        _ => None,
    };
    match detail {
        Some(error) => format!("invalid params for {method}: {error}"),
        None => format!("invalid params for {method}"),
    }
}

/// Answers a well-formed JSON object that is not a message rmcp can read.
fn reject_object(object: &Map<String, Value>) -> Value {
    let id_opt = object.get("id");
    let id = id_opt
        .filter(|id| is_valid_id(id))
        .cloned()
        .unwrap_or(Value::Null);
    let (code, message) = if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        (
            INVALID_REQUEST,
            "invalid request: \"jsonrpc\" must be \"2.0\"".to_owned(),
        )
    } else if id_opt.is_some_and(|id| !is_valid_id(id)) {
        (
            INVALID_REQUEST,
            "invalid request: \"id\" must be a string or an integer".to_owned(),
        )
    } else if id_opt.is_some_and(|id| id.is_u64() && !id.is_i64()) {
        (
            INVALID_REQUEST,
            "invalid request: \"id\" is larger than a 64-bit signed integer".to_owned(),
        )
    } else {
        match object.get("method") {
            Some(Value::String(method)) if is_standard_request(method) => (
                INVALID_PARAMS,
                params_error(method, object.get("params").unwrap_or(&Value::Null)),
            ),
            Some(Value::String(_)) => (
                INVALID_REQUEST,
                "invalid request: not a json-rpc 2.0 message".to_owned(),
            ),
            Some(_) => (
                INVALID_REQUEST,
                "invalid request: \"method\" must be a string".to_owned(),
            ),
            None => (
                INVALID_REQUEST,
                "invalid request: a request needs a \"method\"".to_owned(),
            ),
        }
    };
    error_reply(id, code, &message)
}

/// Answers a batch: MCP (since 2025-06-18) has no JSON-RPC batches, so each request in it gets an error
/// with its id, in one array; a batch without a request gets a single error.
fn reject_batch(items: &[Value]) -> Value {
    let replies: Vec<Value> = items
        .iter()
        .filter_map(|item| item.get("id").filter(|id| is_valid_id(id)))
        .map(|id| {
            error_reply(
                id.clone(),
                INVALID_REQUEST,
                "invalid request: batches are not supported; send each message on its own line",
            )
        })
        .collect();
    if replies.is_empty() {
        return error_reply(
            Value::Null,
            INVALID_REQUEST,
            "invalid request: batches are not supported; send each message on its own line",
        );
    }
    Value::Array(replies)
}

fn is_valid_id(id: &Value) -> bool {
    match id {
        Value::String(_) => true,
        Value::Number(number) => number.is_i64() || number.is_u64(),
        _ => false,
    }
}

/// Finds the top-level `"id"` of a JSON object in bytes that may be cut short, hold invalid UTF-8 or
/// strings that are not unicode: the id when it is an integer or a clean string, else null. Linear in
/// the length of the line.
pub fn recover_id(bytes: &[u8]) -> Value {
    let mut scanner = Scanner { bytes, at: 0 };
    scanner.top_level_id().unwrap_or(Value::Null)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Scanner<'a> {
    fn top_level_id(&mut self) -> Option<Value> {
        self.skip_whitespace();
        self.expect(b'{')?;
        loop {
            self.skip_whitespace();
            let is_id = self.string()? == b"id";
            self.skip_whitespace();
            self.expect(b':')?;
            self.skip_whitespace();
            if is_id {
                let start = self.at;
                self.value()?;
                let id: Value = serde_json::from_slice(&self.bytes[start..self.at]).ok()?;
                return is_valid_id(&id).then_some(id);
            }
            self.value()?;
            self.skip_whitespace();
            match self.next()? {
                b',' => continue,
                _ => return None,
            }
        }
    }

    fn next(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.next()? == byte).then_some(())
    }

    fn skip_whitespace(&mut self) {
        while self.peek().is_some_and(|byte| byte.is_ascii_whitespace()) {
            self.at += 1;
        }
    }

    /// A string's raw bytes between its quotes (escapes left as they are).
    fn string(&mut self) -> Option<&'a [u8]> {
        self.expect(b'"')?;
        let start = self.at;
        loop {
            match self.next()? {
                b'\\' => {
                    self.next()?;
                }
                b'"' => return Some(&self.bytes[start..self.at - 1]),
                _ => {}
            }
        }
    }

    /// Skips one value, nested objects and arrays included.
    fn value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.skip_whitespace();
            match self.peek()? {
                b'"' => {
                    self.string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.at += 1;
                    continue;
                }
                b'}' | b']' if depth > 0 => {
                    depth -= 1;
                    self.at += 1;
                }
                b',' | b':' if depth > 0 => {
                    self.at += 1;
                    continue;
                }
                _ => {
                    let start = self.at;
                    while self.peek().is_some_and(|byte| {
                        byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'+' | b'.')
                    }) {
                        self.at += 1;
                    }
                    if self.at == start {
                        return None;
                    }
                }
            }
            if depth == 0 {
                return Some(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(line: &[u8]) -> Value {
        match classify(line) {
            Incoming::Reject(reply) => reply,
            other => panic!("expected a rejection, got {other:?}"),
        }
    }

    #[test]
    fn valid_messages_pass_and_blank_lines_are_skipped() {
        let ping = br#"{"jsonrpc":"2.0","id":1,"method":"ping"}"#;
        assert!(matches!(classify(ping), Incoming::Message(_)));
        let cancelled =
            br#"{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":1}}"#;
        assert!(matches!(classify(cancelled), Incoming::Message(_)));
        assert!(matches!(classify(b"  \r"), Incoming::Blank));
    }

    #[test]
    fn each_malformed_kind_is_answered_with_its_id_when_readable() {
        let cases: [(&[u8], Value, i64); 10] = [
            (b"{not json", Value::Null, PARSE_ERROR),
            (
                br#"{"jsonrpc":"2.0","id":2,"method":"ping","params":{"x":"\ud800"}}"#,
                json!(2),
                PARSE_ERROR,
            ),
            (
                b"{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"ping\",\"params\":{\"x\":\"\xff\"}}",
                json!("a"),
                PARSE_ERROR,
            ),
            (
                br#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":5}}"#,
                json!(4),
                INVALID_PARAMS,
            ),
            (
                br#"{"jsonrpc":"2.0","id":5,"method":"tools/list","params":"x"}"#,
                json!(5),
                INVALID_PARAMS,
            ),
            (br#"{"id":7,"method":"ping"}"#, json!(7), INVALID_REQUEST),
            (
                br#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#,
                Value::Null,
                INVALID_REQUEST,
            ),
            (br#"{"jsonrpc":"2.0","id":8,"method":5}"#, json!(8), INVALID_REQUEST),
            (b"42", Value::Null, INVALID_REQUEST),
            (
                br#"{"jsonrpc":"2.0","id":18446744073709551615,"method":"ping"}"#,
                json!(u64::MAX),
                INVALID_REQUEST,
            ),
        ];
        for (line, id, code) in cases {
            let reply = reply(line);
            assert_eq!(reply["id"], id, "{}", String::from_utf8_lossy(line));
            assert_eq!(reply["error"]["code"], code, "{reply}");
            assert_eq!(reply["jsonrpc"], "2.0");
        }
    }

    #[test]
    fn a_batch_gets_an_error_per_request() {
        let replies = reply(
            br#"[{"jsonrpc":"2.0","id":9,"method":"ping"},{"jsonrpc":"2.0","method":"notifications/initialized"},{"jsonrpc":"2.0","id":"x","method":"ping"}]"#,
        );
        let ids: Vec<&Value> = replies
            .as_array()
            .expect("array")
            .iter()
            .map(|reply| &reply["id"])
            .collect();
        assert_eq!(ids, [&json!(9), &json!("x")]);
        assert_eq!(reply(b"[]")["id"], Value::Null);
    }

    #[test]
    fn ids_are_recovered_from_broken_lines() {
        assert_eq!(
            recover_id(br#"{"method":"x","params":{"id":3,"a":[1,{"b":"}"}]},"id":12, oops"#),
            json!(12)
        );
        assert_eq!(recover_id(br#"{"jsonrpc":"2.0","id":"r-1""#), json!("r-1"));
        assert_eq!(
            recover_id(br#"{"jsonrpc":"2.0","id":"\ud800"}"#),
            Value::Null
        );
        assert_eq!(recover_id(br#"{"jsonrpc":"2.0","id":1.5}"#), Value::Null);
        assert_eq!(recover_id(b"[1,2]"), Value::Null);
        assert_eq!(
            too_long(
                br#"{"jsonrpc":"2.0","id":77,"method":"tools/call","params":{"#,
                10
            )["id"],
            json!(77)
        );
    }
}
