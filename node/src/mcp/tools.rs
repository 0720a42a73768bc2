//! The MCP tools, by capability: `session` (open, status, end), `crash` (signals, risk, checkpoints,
//! resume), `routing` (model tiers), `coordination` (locks, messages, chats, tasks), `kaizen` (the
//! self-improvement loop's report) and `workflows` (verify and commit).
//!
//! A tool's arguments are the protocol request it sends ([`Args`]): its JSON schema is derived from the wire
//! type (the `schema` feature of `shim-protocol`), less the fields the server fills in, with the chat id
//! optional. Its result is the protocol reply. Each tool is one request through `ShimMcp::request`
//! (two for chat-scoped tools on first use). Descriptions are short: they cost the user context in every
//! session.

mod coordination;
mod crash;
mod kaizen;
mod routing;
mod session;
mod workflows;

use std::borrow::Cow;

use rmcp::handler::server::router::tool::ToolRouter;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, de::DeserializeOwned};
use serde_json::{Map, Value};
use shim_protocol::limits;

use super::ShimMcp;
use crate::nats::{ClientError, NodeClient};

/// Every tool of the server, each schema slimmed (see [`super::tool_list`]).
pub(super) fn router() -> ToolRouter<ShimMcp> {
    let mut router = ShimMcp::session_router()
        + ShimMcp::crash_router()
        + ShimMcp::routing_router()
        + ShimMcp::coordination_router()
        + ShimMcp::task_router()
        + ShimMcp::kaizen_router()
        + ShimMcp::workflows_router();
    for route in router.map.values_mut() {
        super::tool_list::slim(&mut route.attr);
    }
    router
}

/// What the tool's `chat_id` argument is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChatArg {
    /// The tool takes no `chat_id`.
    None,
    /// An optional `chat_id` (default: this server's chat), put into the request by [`ToolArgs::with_chat`].
    Optional,
}

/// A protocol request used as a tool's arguments.
pub trait ToolArgs: DeserializeOwned + JsonSchema {
    /// Whether the tool takes a `chat_id`.
    const CHAT: ChatArg;
    /// The wire field the chat goes into, which the model does not set: a placeholder stands in for it until
    /// [`ToolArgs::with_chat`].
    const CHAT_FIELD: Option<&'static str> = None;
    /// Wire fields the model does not set (the server fills them in or leaves their default); left out of the
    /// schema and ignored in the arguments, as an unknown argument is.
    const HIDDEN: &'static [&'static str] = &[];

    /// Puts the chat (given, or this server's) into the request.
    fn with_chat(self, _chat_id: String) -> Self {
        self
    }

    /// Adjusts the derived properties where the tool means something the wire type cannot say (a default
    /// the server fills in, a set of values the wire keeps as text).
    fn adjust(_properties: &mut Map<String, Value>) {}
}

/// A tool's arguments: the protocol request `T`, and the chat it is for when the tool takes one.
#[derive(Debug)]
pub struct Args<T> {
    /// The chat named in the arguments, if any.
    pub chat_id_opt: Option<String>,
    /// The request, its chat still a placeholder.
    pub request: T,
}

impl<T: ToolArgs> Args<T> {
    /// The request for `chat_id`.
    pub fn for_chat(self, chat_id: String) -> T {
        self.request.with_chat(chat_id)
    }
}

const CHAT_ID: &str = "chat_id";
const CHAT_ID_DESCRIPTION: &str = "Default: this server's chat.";

impl<'de, T: ToolArgs> Deserialize<'de> for Args<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let mut fields = Map::<String, Value>::deserialize(deserializer)?;
        let chat_id_opt = match T::CHAT {
            ChatArg::None => None,
            ChatArg::Optional => match fields.remove(CHAT_ID) {
                None | Some(Value::Null) => None,
                Some(Value::String(chat_id)) => Some(chat_id),
                Some(other) => {
                    return Err(D::Error::custom(format!(
                        "chat_id must be a string, got {other}"
                    )));
                }
            },
        };
        for hidden in T::HIDDEN {
            fields.remove(*hidden);
        }
        if let Some(field) = T::CHAT_FIELD {
            fields.insert(field.to_owned(), Value::String(String::new()));
        }
        let request = T::deserialize(Value::Object(fields)).map_err(D::Error::custom)?;
        Ok(Args {
            chat_id_opt,
            request,
        })
    }
}

impl<T: ToolArgs> JsonSchema for Args<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("{}Args", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let mut schema = T::json_schema(generator);
        let object = schema.ensure_object();
        let gone: Vec<&str> = T::HIDDEN
            .iter()
            .copied()
            .chain(T::CHAT_FIELD)
            .chain((T::CHAT == ChatArg::Optional).then_some(CHAT_ID))
            .collect();
        if let Some(Value::Array(required)) = object.get_mut("required") {
            required.retain(|name| !name.as_str().is_some_and(|name| gone.contains(&name)));
            if required.is_empty() {
                object.remove("required");
            }
        }
        let properties = object
            .entry("properties")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(properties) = properties {
            for name in &gone {
                properties.remove(*name);
            }
            if T::CHAT == ChatArg::Optional {
                properties.insert(
                    CHAT_ID.to_owned(),
                    serde_json::json!({"type": "string", "description": CHAT_ID_DESCRIPTION}),
                );
            }
            T::adjust(properties);
        }
        schema
    }
}

/// Sets the description of `name`, where the tool's meaning differs from the wire's (a default the server
/// fills in, a unit).
pub(super) fn describe(properties: &mut Map<String, Value>, name: &str, description: &str) {
    if let Some(Value::Object(property)) = properties.get_mut(name) {
        property.insert("description".to_owned(), Value::from(description));
    }
}

/// Adds keywords (`enum`, `minimum`, ...) to the schema of `name`.
pub(super) fn constrain(properties: &mut Map<String, Value>, name: &str, keywords: Value) {
    if let (Some(Value::Object(property)), Value::Object(keywords)) =
        (properties.get_mut(name), keywords)
    {
        property.extend(keywords);
    }
}

/// A reply with the danger advice attached, when one is waiting for the chat.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Advised<T> {
    /// The reply.
    #[serde(flatten)]
    pub reply: T,
    /// Set when SHIM asks the model to checkpoint and wrap up.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
}

/// Whom a request is for.
#[derive(Debug, Clone)]
pub(super) enum Scope {
    /// The node; no chat.
    Node,
    /// A chat: the one named, else this server's default chat (opened on first use). A chat ended through
    /// this server is refused.
    Chat(Option<String>),
    /// As [`Scope::Chat`], ended or not.
    AnyChat(Option<String>),
}

/// What a request runs with: the node and, for a chat-scoped request, the chat.
#[derive(Debug, Clone)]
pub(super) struct Call {
    /// The node.
    pub node: NodeClient,
    /// The chat; empty for [`Scope::Node`].
    pub chat_id: String,
}

impl ShimMcp {
    /// The one way a tool reaches the node: finds (or starts) the node, resolves the chat of `scope`, and
    /// runs `call`; when the node has gone and autostart is on, once more against a node found afresh.
    pub(super) async fn request<T, F, Fut>(&self, scope: Scope, call: F) -> Result<T, String>
    where
        F: Fn(Call) -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
    {
        let call = &call;
        self.with_node(|node| {
            let scope = scope.clone();
            async move {
                let chat_id = match scope {
                    Scope::Node => String::new(),
                    Scope::Chat(chat_id_opt) => self.chat_id(&node, chat_id_opt).await?,
                    Scope::AnyChat(chat_id_opt) => {
                        self.chat_id_even_ended(&node, chat_id_opt).await?
                    }
                };
                let node = match chat_id.is_empty() {
                    true => node,
                    false => self.acting_for(&node, &chat_id),
                };
                call(Call { node, chat_id }).await
            }
        })
        .await
    }

    /// [`Self::request`] for the common case: one request `op` for the chat of `args`, built from them.
    pub(super) async fn send<Req, Resp>(
        &self,
        op: shim_protocol::NodeOp,
        args: Args<Req>,
    ) -> Result<Resp, String>
    where
        Req: ToolArgs + Serialize + Clone,
        Resp: DeserializeOwned,
    {
        let Args {
            chat_id_opt,
            request,
        } = args;
        let scope = match Req::CHAT {
            ChatArg::None => Scope::Node,
            ChatArg::Optional => Scope::Chat(chat_id_opt),
        };
        self.request(scope, |call| {
            let request = request.clone();
            async move {
                let request = match Req::CHAT {
                    ChatArg::None => request,
                    ChatArg::Optional => request.with_chat(call.chat_id),
                };
                call.node.request(op, &request).await
            }
        })
        .await
    }
}

/// Refuses a wait above [`limits::MAX_WAIT_SECONDS`] as the node would (`bad request: ...`), instead of
/// shortening it behind the caller's back.
pub(super) fn check_wait(wait_seconds: Option<u64>) -> Result<Option<u64>, String> {
    limits::wait(wait_seconds).map_err(|error| error.to_string())?;
    Ok(wait_seconds)
}

/// Makes `name` a choice among `values` (the wire keeps it as text, or its enum's schema lists each variant
/// with its documentation, which the model does not need), keeping its description.
pub(super) fn choice(properties: &mut Map<String, Value>, name: &str, values: &[&str]) {
    if let Some(Value::Object(property)) = properties.get_mut(name) {
        let description_opt = property.remove("description");
        property.clear();
        property.insert("type".to_owned(), Value::from("string"));
        property.insert("enum".to_owned(), Value::from(values.to_vec()));
        if let Some(description) = description_opt {
            property.insert("description".to_owned(), description);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;
    use shim_protocol::messages::{DispatchTaskRequest, LockRequest, SendMessageRequest};

    use super::*;

    fn input_schema<T: JsonSchema>() -> Value {
        schemars::generate::SchemaSettings::draft2020_12()
            .into_generator()
            .into_root_schema_for::<T>()
            .to_value()
    }

    #[test]
    fn the_schema_is_the_wire_type_less_what_the_server_fills_in() {
        let schema = input_schema::<Args<DispatchTaskRequest>>();
        let properties = schema["properties"].as_object().expect("properties");
        // The chat is optional, and max_attempts (the node's to choose) is not offered.
        assert_eq!(properties["chat_id"]["description"], CHAT_ID_DESCRIPTION);
        assert!(!properties.contains_key("max_attempts"), "{schema}");
        assert_eq!(schema["required"], json!(["title", "instructions"]));
        assert_eq!(
            properties["priority"]["enum"],
            json!(["critical", "high", "normal", "low"])
        );
        // A field added to the wire type shows up by itself: every other field is there.
        for field in [
            "title",
            "instructions",
            "depends_on",
            "capabilities",
            "idempotency_key",
        ] {
            assert!(properties.contains_key(field), "{field}: {schema}");
        }
    }

    #[test]
    fn arguments_become_the_wire_request_for_the_chat() {
        let args: Args<LockRequest> = serde_json::from_value(
            json!({"resource": "repo/main", "ttl_seconds": 60, "chat_id": "c1"}),
        )
        .expect("decodes");
        assert_eq!(args.chat_id_opt.as_deref(), Some("c1"));
        let request = args.for_chat("c1".to_owned());
        assert_eq!(
            request,
            LockRequest {
                chat_id: "c1".to_owned(),
                resource: "repo/main".to_owned(),
                ttl_seconds: Some(60),
            }
        );
        // The chat goes where the wire wants it; a hidden field given anyway is ignored, as before.
        let args: Args<SendMessageRequest> =
            serde_json::from_value(json!({"to": "broadcast", "text": "hi", "from": "someone"}))
                .expect("decodes");
        assert_eq!(args.chat_id_opt, None);
        assert_eq!(args.for_chat("me".to_owned()).from, "me");
        // The message's key is the tool's to make, once per call: the model neither sees nor sets it.
        let args: Args<SendMessageRequest> = serde_json::from_value(
            json!({"to": "broadcast", "text": "hi", "idempotency_key": "mine"}),
        )
        .expect("decodes");
        assert_eq!(args.for_chat("me".to_owned()).idempotency_key, None);
        let schema = input_schema::<Args<SendMessageRequest>>();
        assert!(
            !schema["properties"]
                .as_object()
                .expect("properties")
                .contains_key("idempotency_key"),
            "{schema}"
        );
        // A missing required field and a chat id of the wrong type are errors.
        assert!(serde_json::from_value::<Args<LockRequest>>(json!({"ttl_seconds": 5})).is_err());
        assert!(
            serde_json::from_value::<Args<LockRequest>>(json!({"resource": "r", "chat_id": 5}))
                .is_err()
        );
    }
}
