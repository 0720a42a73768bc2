//! The tool list as `tools/list` sends it: every chat pays for it in context on every turn, so it is kept
//! within [`TOOL_LIST_BUDGET_BYTES`]. rmcp derives each tool's schemas from its types; here they lose what
//! tells a model nothing: output schemas (results still come as JSON text and structured content; MCP needs
//! an output schema only to promise a shape), `$schema`, `"default": null` and `[]`, number formats, a bare `"minimum": 0`, and the `null`
//! alternative of optional arguments (an optional argument is simply left out).

use rmcp::model::{JsonObject, Tool};
use serde_json::Value;

/// The most the serialized `tools/list` result may weigh, in bytes (enforced by a test).
pub use shim_protocol::limits::TOOL_LIST_BUDGET_BYTES;

/// Slims one tool's schemas in place.
pub fn slim(tool: &mut Tool) {
    tool.output_schema = None;
    let mut schema = tool.input_schema.as_ref().clone();
    schema.remove("$schema");
    let defs_opt = schema.remove("$defs");
    let mut value = Value::Object(schema);
    slim_value(&mut value, defs_opt.as_ref(), 0);
    if let Value::Object(schema) = value {
        tool.input_schema = std::sync::Arc::new(schema);
    }
}

/// How deep `$ref`s are inlined: the argument types have no recursion, this only bounds the work.
const MAX_DEPTH: usize = 16;

fn slim_value(value: &mut Value, defs_opt: Option<&Value>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Object(object) => {
            inline_ref(object, defs_opt);
            collapse_nullable(object);
            // An optional enum was `anyOf: [{$ref}, null]`: its reference surfaces only now.
            inline_ref(object, defs_opt);
            if object
                .get("default")
                .is_some_and(|default| default.is_null() || default == &Value::Array(Vec::new()))
            {
                object.remove("default");
            }
            if object.get("type").and_then(Value::as_str) != Some("string") {
                object.remove("format");
            }
            // An unsigned count: the type says integer, the model knows a count is not negative.
            if object.get("minimum") == Some(&Value::from(0)) && !object.contains_key("maximum") {
                object.remove("minimum");
            }
            for child in object.values_mut() {
                slim_value(child, defs_opt, depth + 1);
            }
        }
        Value::Array(items) => {
            for item in items {
                slim_value(item, defs_opt, depth + 1);
            }
        }
        _ => {}
    }
}

/// Replaces `{"$ref": "#/$defs/X", ...}` with the definition of X (keeping the object's other keywords).
fn inline_ref(object: &mut JsonObject, defs_opt: Option<&Value>) {
    let Some(Value::String(reference)) = object.get("$ref") else {
        return;
    };
    let definition_opt = reference
        .strip_prefix("#/$defs/")
        .and_then(|name| defs_opt?.get(name))
        .and_then(Value::as_object)
        .cloned();
    if let Some(definition) = definition_opt {
        object.remove("$ref");
        for (key, keyword) in definition {
            object.entry(key).or_insert(keyword);
        }
    }
}

/// `"type": ["string", "null"]` becomes `"type": "string"`, and `"anyOf": [X, {"type": "null"}]` becomes X.
fn collapse_nullable(object: &mut JsonObject) {
    if let Some(Value::Array(types)) = object.get("type") {
        let kept: Vec<Value> = types
            .iter()
            .filter(|kind| kind.as_str() != Some("null"))
            .cloned()
            .collect();
        let collapsed = match kept.as_slice() {
            [single] => single.clone(),
            _ => Value::Array(kept),
        };
        object.insert("type".to_owned(), collapsed);
    }
    if let Some(Value::Array(alternatives)) = object.get("anyOf") {
        let kept: Vec<&Value> = alternatives
            .iter()
            .filter(|alternative| alternative.get("type").and_then(Value::as_str) != Some("null"))
            .collect();
        if let [Value::Object(single)] = kept.as_slice() {
            let single = single.clone();
            object.remove("anyOf");
            for (key, keyword) in single {
                object.entry(key).or_insert(keyword);
            }
        }
    }
    if let Some(Value::Array(options)) = object.get_mut("enum") {
        options.retain(|option| !option.is_null());
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::json;

    use super::*;

    #[test]
    fn noise_is_stripped_and_meaning_kept() {
        let schema = json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "properties": {
                "chat_id": {"type": ["string", "null"], "default": null, "description": "The chat."},
                "limit": {"type": ["integer", "null"], "format": "uint32", "minimum": 0, "default": null},
                "priority": {"anyOf": [{"$ref": "#/$defs/Priority"}, {"type": "null"}], "default": null},
                "summary": {"type": "string"}
            },
            "required": ["summary"],
            "$defs": {"Priority": {"type": "string", "enum": ["high", "low"]}}
        });
        let mut tool = Tool::new(
            "t",
            "d",
            Arc::new(schema.as_object().expect("object").clone()),
        );
        tool.output_schema = Some(Arc::new(JsonObject::new()));
        slim(&mut tool);
        assert_eq!(tool.output_schema, None);
        assert_eq!(
            Value::Object(tool.input_schema.as_ref().clone()),
            json!({
                "type": "object",
                "properties": {
                    "chat_id": {"type": "string", "description": "The chat."},
                    "limit": {"type": "integer"},
                    "priority": {"type": "string", "enum": ["high", "low"]},
                    "summary": {"type": "string"}
                },
                "required": ["summary"]
            })
        );
    }
}
