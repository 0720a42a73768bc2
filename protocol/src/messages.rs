//! Request and reply bodies, one module per component. Every field is documented and every field
//! added after the first release carries `#[serde(default)]` (see the crate's compatibility rules).

mod chat;
mod node;

pub use chat::{
    ChatInfo, SessionEndReply, SessionEndRequest, SessionStartReply, SessionStartRequest,
};
pub use node::{ActorInfo, ActorStatus, HelloReply, HelloRequest, StatusReply, StatusRequest};
